import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DriftError } from "../errors.js";
import { runGit } from "../git/run-git.js";
import { EditRefused, removeFrontMatterKey, setFrontMatterValue, type FrontMatterEdit } from "../parse/front-matter-edit.js";
import { frontMatterValue, readFrontMatter } from "../parse/front-matter.js";
import { ownerOfFile } from "../tree/article-path.js";
import { joinRelative, takeInventory } from "../tree/discover.js";
import type { TreeLayout } from "../tree/layout.js";
import { compareText } from "../util/compare-text.js";
import { toPosix } from "../util/posix-path.js";

/** One front matter line a writing command changes (or would, on a dry run). */
export interface KeyChange {
  /** Root-relative file. */
  file: string;
  key: string;
  line: number;
  change: FrontMatterEdit["change"];
  previous?: string;
  value?: string;
}

/** A file a writing command leaves alone, and why. */
export interface EditRefusal {
  file: string;
  line: number;
  message: string;
}

/** What to write: the files' new contents, the changes as lines to print, and the refusals. */
export interface EditPlan {
  changes: KeyChange[];
  refused: EditRefusal[];
  /** Root-relative file → new content, for the files that change. */
  writes: Map<string, string>;
}

/**
 * `pin`: for each translation, the source commit `ref` names written into its source-commit
 * pin (the key the file has, else the layout's first), and a source-hash pin the file has
 * updated to the source as that commit has it. Nothing is written here.
 */
export async function planPins(layout: TreeLayout, files: readonly string[], ref: string): Promise<EditPlan & { commit: string }> {
  if (layout.keys.sourceCommit.length === 0) throw new DriftError("USAGE", "this layout has no source-commit key (`keys.sourceCommit`) to write");
  const commit = await resolveCommit(layout.root, ref);
  const plan: EditPlan = { changes: [], refused: [], writes: new Map() };
  for (const file of files) {
    const owner = ownerOfFile(layout, file);
    if (owner?.locale === undefined) {
      plan.refused.push({ file, line: 1, message: "is not a translation: not in a locale folder of this tree" });
      continue;
    }
    const sourceFile = joinRelative(layout.sourceDir, owner.article);
    const source = await runGit(layout.root, ["cat-file", "blob", `${commit}:./${sourceFile}`]);
    if (source.exitCode !== 0) {
      plan.refused.push({ file, line: 1, message: `its source \`${sourceFile}\` is not in commit ${commit.slice(0, 12)}` });
      continue;
    }
    const text = await readText(layout.root, file, plan);
    if (text === undefined) continue;
    try {
      const data = readFrontMatter(text.replace(/^\uFEFF/, "")).data;
      const key = layout.keys.sourceCommit.find((candidate) => frontMatterValue(data, candidate) !== undefined) ?? layout.keys.sourceCommit[0]!;
      let edit = setFrontMatterValue(text, key, commit);
      const changes: KeyChange[] = [change(file, key, edit, commit)];
      for (const hashKey of layout.keys.sourceHash) {
        const current = frontMatterValue(data, hashKey);
        if (typeof current !== "string" && typeof current !== "number") continue;
        const value = sourceDigest(source.stdout, String(current));
        edit = setFrontMatterValue(edit.text, hashKey, value);
        changes.push(change(file, hashKey, edit, value));
      }
      plan.changes.push(...changes);
      if (edit.text !== text) plan.writes.set(file, edit.text);
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
      plan.refused.push({ file, line: error.line, message: error.message });
    }
  }
  return { ...plan, commit };
}

/**
 * `status --write-key`: each translation's outdated flag as the site's banner reads it
 * (OpenTelemetry's `drifted_from_default`): `true` when it is outdated, removed when it is not.
 */
export async function planFlags(layout: TreeLayout, key: string, flags: ReadonlyArray<{ file: string; outdated: boolean }>): Promise<EditPlan> {
  const plan: EditPlan = { changes: [], refused: [], writes: new Map() };
  for (const { file, outdated } of flags) {
    const text = await readText(layout.root, file, plan);
    if (text === undefined) continue;
    try {
      // The flag goes after the pin, as check-i18n.sh -D adds it.
      const data = readFrontMatter(text.replace(/^\uFEFF/, "")).data;
      const pinKey = layout.keys.sourceCommit.find((candidate) => frontMatterValue(data, candidate) !== undefined);
      const edit = outdated ? setFrontMatterValue(text, key, true, pinKey === undefined ? {} : { after: pinKey }) : removeFrontMatterKey(text, key);
      if (edit.change === "unchanged") continue;
      plan.changes.push(change(file, key, edit, outdated ? "true" : undefined));
      plan.writes.set(file, edit.text);
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
      plan.refused.push({ file, line: error.line, message: error.message });
    }
  }
  return plan;
}

/** `pin --missing`: translations (with a source) whose front matter has no source-commit pin, in path order. */
export async function unpinnedTranslations(layout: TreeLayout, locales?: readonly string[]): Promise<string[]> {
  const inventory = await takeInventory(layout);
  const sources = new Set(inventory.articles);
  const unpinned: string[] = [];
  for (const locale of layout.locales) {
    if (locales && !locales.includes(locale.name)) continue;
    for (const article of inventory.translations.get(locale.name) ?? []) {
      if (!sources.has(article)) continue;
      const file = joinRelative(locale.dir, article);
      const text = await readFile(path.join(layout.root, file), "utf8").catch(() => undefined);
      const data = text === undefined ? {} : readFrontMatter(text.replace(/^\uFEFF/, "")).data;
      const pinned = layout.keys.sourceCommit.some((key) => {
        const value = frontMatterValue(data, key);
        return (typeof value === "string" || typeof value === "number") && String(value).trim() !== "";
      });
      if (!pinned) unpinned.push(file);
    }
  }
  return unpinned.sort(compareText);
}

/** A typed path as a root-relative one with `/` separators. */
export function rootRelative(root: string, cwd: string, typed: string): string {
  return toPosix(path.relative(root, path.resolve(cwd, typed)));
}

async function resolveCommit(root: string, ref: string): Promise<string> {
  const result = await runGit(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  const commit = result.stdout.toString("utf8").trim();
  if (result.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) throw new DriftError("USAGE", `\`${ref}\` is not a commit of this repository`);
  return commit;
}

async function readText(root: string, file: string, plan: EditPlan): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    plan.refused.push({ file, line: 1, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
  const text = bytes.toString("utf8");
  // A file that is not UTF-8 would not be written back byte for byte.
  if (!Buffer.from(text, "utf8").equals(bytes)) {
    plan.refused.push({ file, line: 1, message: "is not UTF-8 text" });
    return undefined;
  }
  return text;
}

/** The source's digest in the form the existing hash pin has: MD5 (32), SHA-256 (64), else its git blob id. */
function sourceDigest(content: Buffer, current: string): string {
  if (current.length === 32) return createHash("md5").update(content).digest("hex");
  if (current.length === 64) return createHash("sha256").update(content).digest("hex");
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

function change(file: string, key: string, edit: FrontMatterEdit, value: string | undefined): KeyChange {
  return { file, key, line: edit.line, change: edit.change, ...(edit.previous !== undefined && { previous: edit.previous }), ...(value !== undefined && { value }) };
}
