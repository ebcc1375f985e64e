import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, readFile, rename, writeFile } from "node:fs/promises";
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

/** Per preset: the fixture's root (where the CLI runs), its source and translation, and the path `diff` is given. */
const TREES: Record<PresetName, { root: string; source: string; translation: string; diff: string }> = {
  default: { root: ".", source: "articles/guide.md", translation: "locales/de/guide.md", diff: "articles/guide.md" },
  docusaurus: { root: ".", source: "docs/guide.mdx", translation: "i18n/de/docusaurus-plugin-content-docs/current/guide.mdx", diff: "docs/guide.mdx" },
  hugo: { root: ".", source: "content/en/docs/guide.md", translation: "content/de/docs/guide.md", diff: "content/en/docs/guide.md" },
  mdn: { root: ".", source: "files/en-us/guide/index.md", translation: "files/de/guide/index.md", diff: "guide/index.md" },
  "separate-repos": { root: "docs", source: "docs/guide.md", translation: "docs.de/guide.md", diff: "guide.md" },
};

/**
 * The fixture as a git repository with history: the source, then its translation, then a source
 * change the translation has not caught up with (a new section), so every command has work to show.
 */
async function presetRepo(preset: PresetName): Promise<string> {
  const tree = TREES[preset];
  const repo = await makeRepo();
  await cp(path.join(REPO_ROOT, "test/e2e/fixtures/presets", preset), repo.root, { recursive: true });
  const translation = await readFile(path.join(repo.root, tree.translation), "utf8");
  await writeFile(path.join(repo.root, tree.translation), "");
  repo.git("add", "-A", "--", ".", `:!${tree.translation}`);
  repo.git("commit", "-q", "-m", "Add the source");
  // Separate repositories share no history: there the translation pins the source commit it was made from.
  const sourceCommit = repo.git("rev-parse", "HEAD");
  await mkdir(path.dirname(path.join(repo.root, tree.translation)), { recursive: true });
  await repo.commit("Translate it", { [tree.translation]: translation.replace("SOURCE_COMMIT", sourceCommit) });
  await appendFile(path.join(repo.root, tree.source), "\n## Troubleshoot {#troubleshoot}\n\nIf the service does not start, pick another port.\n");
  await repo.commit("Add troubleshooting", {});
  return path.join(repo.root, tree.root);
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

describe.each(PRESET_NAMES)("the %s preset end to end through the built CLI", (preset) => {
  let root: string;

  beforeAll(async () => {
    root = await presetRepo(preset);
  });

  // One CLI run per test, in this order: `report` last, since it writes reports/ into the tree,
  // where `separate-repos` (source directory `.`) would list them.
  const COMMANDS: Array<[string, string[]]> = [
    ["check", ["check"]],
    ["diff", ["diff", TREES[preset].diff, "--locale", "de"]],
    ["status", ["status"]],
    ["report", ["report"]],
  ];
  it.each(COMMANDS)("%s prints exactly the golden output, with its exit code", async (name, args) => {
    const transcript = await cli(root, ...args);
    const file = path.join(GOLDEN, preset, `${name}.txt`);
    if (process.env.UPDATE_GOLDEN === "1") {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, transcript);
    }
    expect(transcript).toBe(await readFile(file, "utf8"));
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
