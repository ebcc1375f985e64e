import path from "node:path";
import type { RuleExample } from "../../src/model/rule.js";
import { makeTree } from "./fixtures.js";
import { makeRepo } from "./git.js";

const SOURCE = "articles/example.md";

/**
 * A rule example as a tree: `articles/example.md` and `locales/de/<path>`. With `translatedFrom`, a
 * git repository: first that source version, then the translation (at `renamedFrom` when it was
 * renamed since), then the source as it is now.
 */
export async function exampleTree(example: RuleExample): Promise<string> {
  const translationFile = path.posix.join("locales/de", example.translationPath ?? example.renamedFrom ?? "example.md");
  const translation = example.translation === undefined ? {} : { [translationFile]: example.translation };
  if (example.translatedFrom === undefined) {
    return makeTree({ ...(example.source !== undefined && { [SOURCE]: example.source }), ...translation, "locales/de/.keep": "" });
  }
  const repo = await makeRepo();
  const before = example.renamedFrom === undefined ? SOURCE : path.posix.join("articles", example.renamedFrom);
  // The source first, then its translation: committed together, history could not tell which version was translated.
  const commits: Record<string, string> = { translatedFrom: await repo.commit("Write the source", { [before]: example.translatedFrom }) };
  const withCommits = (text: string) => text.replace(/\{(translatedFrom|source)\}/g, (whole, name: string) => commits[name] ?? whole);
  const translated = Object.fromEntries(Object.entries(translation).map(([file, text]) => [file, withCommits(text)]));
  await repo.commit("Translate", { ...translated, "locales/de/.keep": "" });
  if (example.renamedFrom !== undefined) await repo.rename("Rename the source", before, SOURCE);
  if (example.source !== undefined) commits.source = await repo.commit("Update the source", { [SOURCE]: example.source });
  if (example.changedTranslation !== undefined) {
    // The checked change is the last commit.
    await repo.commit("Update the translation", { [translationFile]: withCommits(example.changedTranslation) });
  }
  return repo.root;
}
