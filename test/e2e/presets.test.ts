import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PRESET_NAMES, type PresetName } from "../../src/config/presets/index.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");
const GOLDEN = path.join(REPO_ROOT, "test/e2e/presets");

interface Tree {
  preset: PresetName;
  /** The fixture's root (where the CLI runs), relative to its folder. */
  root: string;
  source: string;
  translation: string;
  /** The path `diff` is given, and the translation's locale. */
  diff: string;
  locale: string;
  /** The heading the source gains: MDX pages (Starlight) have no `{#id}` attributes. */
  heading?: string;
}

/** Per fixture under test/e2e/fixtures/presets/: its preset, source and translation; `astro-docs` is Starlight with English in `en/`. */
const TREES: Record<string, Tree> = {
  default: { preset: "default", root: ".", source: "articles/guide.md", translation: "locales/de/guide.md", diff: "articles/guide.md", locale: "de" },
  docusaurus: { preset: "docusaurus", root: ".", source: "docs/guide.mdx", translation: "i18n/de/docusaurus-plugin-content-docs/current/guide.mdx", diff: "docs/guide.mdx", locale: "de" },
  hugo: { preset: "hugo", root: ".", source: "content/en/docs/guide.md", translation: "content/de/docs/guide.md", diff: "content/en/docs/guide.md", locale: "de" },
  mdn: { preset: "mdn", root: ".", source: "files/en-us/guide/index.md", translation: "files/de/guide/index.md", diff: "guide/index.md", locale: "de" },
  "separate-repos": { preset: "separate-repos", root: "docs", source: "docs/guide.md", translation: "docs.de/guide.md", diff: "guide.md", locale: "de" },
  // Starlight's root locale: English at the content root, `de/` and `ja/` beside `guides/`; German's `.md` translates the `.mdx` page.
  starlight: {
    preset: "starlight",
    root: ".",
    source: "src/content/docs/guides/sidebar.mdx",
    translation: "src/content/docs/ja/guides/sidebar.mdx",
    diff: "src/content/docs/guides/sidebar.mdx",
    locale: "ja",
    heading: "## Troubleshoot",
  },
  "astro-docs": {
    preset: "starlight",
    root: ".",
    source: "src/content/docs/en/guides/deploy.mdx",
    translation: "src/content/docs/de/guides/deploy.mdx",
    diff: "src/content/docs/en/guides/deploy.mdx",
    locale: "de",
    heading: "## Troubleshoot",
  },
  vitepress: { preset: "vitepress", root: ".", source: "docs/guide/getting-started.md", translation: "docs/de/guide/getting-started.md", diff: "docs/guide/getting-started.md", locale: "de" },
};

/**
 * The fixture as a git repository with history: the source, then its translation, then a source
 * change the translation has not caught up with (a new section), so every command has work to show.
 */
async function presetRepo(name: string): Promise<string> {
  const tree = TREES[name]!;
  const repo = await makeRepo();
  await cp(path.join(REPO_ROOT, "test/e2e/fixtures/presets", name), repo.root, { recursive: true });
  const translation = await readFile(path.join(repo.root, tree.translation), "utf8");
  await writeFile(path.join(repo.root, tree.translation), "");
  repo.git("add", "-A", "--", ".", `:!${tree.translation}`);
  repo.git("commit", "-q", "-m", "Add the source");
  // Separate repositories share no history: there the translation pins the source commit it was made from.
  const sourceCommit = repo.git("rev-parse", "HEAD");
  await mkdir(path.dirname(path.join(repo.root, tree.translation)), { recursive: true });
  await repo.commit("Translate it", { [tree.translation]: translation.replace("SOURCE_COMMIT", sourceCommit) });
  await appendFile(path.join(repo.root, tree.source), `\n${tree.heading ?? "## Troubleshoot {#troubleshoot}"}\n\nIf the service does not start, pick another port.\n`);
  await repo.commit("Add troubleshooting", {});
  return path.join(repo.root, tree.root);
}

/** Deletes the translation's last `##` section in the work tree, uncommitted: a translator's error in a pull request. */
async function dropLastSection(name: string, root: string): Promise<void> {
  const tree = TREES[name]!;
  const file = path.join(root, path.relative(tree.root, tree.translation));
  const text = await readFile(file, "utf8");
  await writeFile(file, text.slice(0, text.lastIndexOf("\n## ") + 1));
}

/** The built CLI with the environment pinned: no colour, no GitHub Actions format, no progress bar. */
async function cli(cwd: string, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", CI: "true" };
  delete env.FORCE_COLOR;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env });
    return `$ l10n-drift ${args.join(" ")}\n${stdout}${stderr}exit 0\n`;
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return `$ l10n-drift ${args.join(" ")}\n${failed.stdout}${failed.stderr}exit ${failed.code}\n`;
  }
}

it("every preset has a fixture tree", () => {
  expect([...new Set(Object.values(TREES).map((tree) => tree.preset))].sort()).toEqual([...PRESET_NAMES].sort());
});

async function expectGolden(name: string, command: string, transcript: string): Promise<void> {
  const file = path.join(GOLDEN, name, `${command}.txt`);
  if (process.env.UPDATE_GOLDEN === "1") {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, transcript);
  }
  expect(transcript).toBe(await readFile(file, "utf8"));
}

describe.each(Object.keys(TREES))("the %s fixture end to end through the built CLI", (name) => {
  let root: string;

  beforeAll(async () => {
    root = await presetRepo(name);
  });

  // One CLI run per test, in this order: `report` last, since it writes reports/ into the tree,
  // where `separate-repos` (source directory `.`) would list them.
  const COMMANDS: Array<[string, string[]]> = [
    ["check", ["check"]],
    ["diff", ["diff", TREES[name]!.diff, "--locale", TREES[name]!.locale]],
    ["status", ["status"]],
    ["report", ["report"]],
  ];
  it.each(COMMANDS)("%s prints exactly the golden output, with its exit code", async (command, args) => {
    await expectGolden(name, command, await cli(root, ...args));
  });

  // A pull request's three shapes, each in a repository of its own: the last commit changed the
  // source only; the work tree deletes a translated section only (`--changed-since HEAD`); both.
  it("check --changed-since: source only, translation only, and both", async () => {
    const sourceOnly = await cli(root, "check", "--changed-since", "HEAD~1");
    const translated = await presetRepo(name);
    await dropLastSection(name, translated);
    const translationOnly = await cli(translated, "check", "--changed-since", "HEAD");
    const both = await cli(translated, "check", "--changed-since", "HEAD~1");
    await expectGolden(name, "changed-since", [sourceOnly, translationOnly, both].join(""));
  });

  it("init alone detects the layout, says what it found, and gives a configuration that checks the same", async () => {
    const tree = await presetRepo(name);
    const configFile = path.join(tree, "l10n-drift.config.json");
    await rm(configFile, { force: true });
    const transcript = await cli(tree, "init");
    await expectGolden(name, "init", transcript);
    if (!transcript.endsWith("exit 0\n")) return;
    expect(JSON.parse(await readFile(configFile, "utf8"))).toEqual({
      $schema: path.relative(tree, path.join(REPO_ROOT, "schema/config.schema.json")).split(path.sep).join("/"),
      preset: TREES[name]!.preset,
      rules: {},
    });
    expect(await cli(tree, "check")).toBe(await readFile(path.join(GOLDEN, name, "check.txt"), "utf8"));
  });
});

/** The CLI in this process (no Node start per call, which a busy machine makes slow), its output as `cli` gives it. */
async function inProcess(cwd: string, ...args: string[]): Promise<string> {
  let out = "";
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (out += text), env: { NO_COLOR: "1" }, stdoutIsTty: false, cwd };
  const code = await main(args, io);
  return `$ l10n-drift ${args.join(" ")}\n${out}exit ${code}\n`;
}

describe("diff names the article as a path in the tree, a translation's path, or relative to the source directory", () => {
  it("gives the same work list for each, with --root and --config from another directory", async () => {
    const root = await presetRepo("hugo");
    await rename(path.join(root, "l10n-drift.config.json"), path.join(root, "site.json"));
    const parent = path.dirname(root);
    const name = path.basename(root);
    const expected = (await inProcess(root, "diff", "content/en/docs/guide.md", "--config", "site.json")).split("\n").slice(1).join("\n");
    expect(expected).toMatch(/^content\/de\/docs\/guide\.md \(de\) ← content\/en\/docs\/guide\.md\n {2}baseline `[0-9a-f]{7}` \(translation-commit\), 1 commit behind\n/);
    for (const typed of ["docs/guide.md", "content/de/docs/guide.md", `${name}/content/en/docs/guide.md`]) {
      const output = await inProcess(parent, "diff", typed, "--root", name, "--config", `${name}/site.json`);
      expect(output.split("\n").slice(1).join("\n"), typed).toBe(expected);
    }
    // Without the configuration, the tree is read with the default preset, which it does not fit.
    expect(await inProcess(root, "diff", "docs/guide.md")).toBe(
      `$ l10n-drift diff docs/guide.md\nl10n-drift: ROOT_UNREADABLE the source directory \`articles\` in \`${root}\` does not exist\nexit 2\n`,
    );
    expect(await inProcess(root, "diff", "docs/nope.md", "--config", "site.json")).toBe(
      "$ l10n-drift diff docs/nope.md --config site.json\nl10n-drift: USAGE no article `docs/nope.md` in `content/en/`\nexit 2\n",
    );
  });
});
