import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ObjectReader } from "../../src/git/cat-file.js";
import { check, type Report } from "../../src/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

const SOURCE = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Set up\nInstall the tool.\n";
const translation = (pin: string) => `---\ntitle: Guide\nms.date: 10/07/2020\nms.sourcegitcommit: ${pin}\n---\n\n# Guide\n\n## <a name="setup"></a>Einrichten\nInstalliere das Werkzeug.\n`;

function facts(report: Report) {
  return report.findings.map(({ ruleId, file, line, message }) => ({ ruleId, file, line, message }));
}

/** A commit on another branch, outside the log: history reads the source at the pin itself. */
async function sideCommit(repo: TestRepo): Promise<string> {
  repo.git("checkout", "-q", "--orphan", "side");
  repo.git("rm", "-q", "-rf", ".");
  const side = await repo.commit("side", { "side.txt": "y\n" });
  repo.git("checkout", "-q", "main");
  return side;
}

const REAL_GIT = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

/** Puts a `git` first on PATH that runs `catFile` for `cat-file` and the real git for the rest. */
async function fakeGitCatFile(catFile: string): Promise<void> {
  const bin = await mkdtemp(path.join(tmpdir(), "l10n-drift-fake-git-"));
  const script = `#!/bin/sh\nfor arg in "$@"; do if [ "$arg" = cat-file ]; then ${catFile}; fi; done\nexec ${JSON.stringify(REAL_GIT)} "$@"\n`;
  await writeFile(path.join(bin, "git"), script);
  await chmod(path.join(bin, "git"), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${originalPath ?? ""}`;
}

describe("git cat-file replies", () => {
  it("pins with spaces, and a pin of a commit without a source whose path has a space, are invalid pins, not a hang", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/my guide.md": SOURCE });
    const side = await sideCommit(repo);
    await repo.commit("translate", { "locales/de/my guide.md": translation("a b"), "locales/sv/my guide.md": translation("a b 3 c"), "locales/nl/my guide.md": translation(side) });
    expect(facts(await check({ root: repo.root }))).toEqual([
      { ruleId: "invalid-pin", file: "locales/de/my guide.md", line: 4, message: "`ms.sourcegitcommit` is `a b`, a commit this repository does not have; the baseline was found by translation-commit instead." },
      { ruleId: "invalid-pin", file: "locales/nl/my guide.md", line: 4, message: `\`ms.sourcegitcommit\` is \`${side}\`, a commit at which \`articles/my guide.md\` did not exist; the baseline was found by translation-commit instead.` },
      { ruleId: "invalid-pin", file: "locales/sv/my guide.md", line: 4, message: "`ms.sourcegitcommit` is `a b 3 c`, a commit this repository does not have; the baseline was found by translation-commit instead." },
    ]);
  });

  it("a reply the protocol does not allow is a translation without a baseline, said once", async () => {
    const repo = await makeRepo();
    const first = await repo.commit("source", { "articles/guide.md": SOURCE });
    await repo.commit("translate", { "locales/de/guide.md": translation(first) });
    await fakeGitCatFile("read request; echo 'garbage without a size'; exec sleep 30");
    expect(facts(await check({ root: repo.root })).filter((finding) => finding.ruleId === "history-unavailable")).toEqual([
      {
        ruleId: "history-unavailable",
        file: "articles",
        line: undefined,
        message:
          "1 translation (such as `locales/de/guide.md`) falls back to `ms.date`: git could not give the source version it was made from (a missing or corrupt object, one over `maxFileBytes`, or git stopped answering); check the repository with `git fsck`.",
      },
    ]);
  });

  it("a cat-file that never answers times out per request, and every later read says so", async () => {
    await fakeGitCatFile("exec sleep 30");
    const reader = new ObjectReader(tmpdir(), { requestTimeoutMs: 200 });
    const reason = "`git cat-file --batch` gave no answer within 200 ms";
    expect(await reader.read("HEAD")).toEqual({ found: false, unreadable: reason });
    expect(await reader.read("HEAD~1")).toEqual({ found: false, unreadable: reason });
    reader.close();
  });

  it("names git cannot read on one line are never sent", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/guide.md": SOURCE });
    const reader = new ObjectReader(repo.root);
    expect(await reader.read("HEAD\nHEAD")).toEqual({ found: false });
    expect(await reader.read("HEAD\r")).toEqual({ found: false });
    expect(await reader.read("")).toEqual({ found: false });
    expect(await reader.read("a b")).toEqual({ found: false });
    expect(await reader.readText("HEAD:articles/guide.md")).toBe(SOURCE);
    reader.close();
  });

  it("an old version over the size limit is skipped as it streams, and the next read still works", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/big.md": "x".repeat(300_000), "articles/guide.md": SOURCE });
    const reader = new ObjectReader(repo.root, { maxObjectBytes: 100_000 });
    expect(await reader.read("HEAD:articles/big.md")).toEqual({ found: false, unreadable: "it is 300000 bytes, more than the limit of 100000" });
    expect(await reader.readText("HEAD:articles/guide.md")).toBe(SOURCE);
    reader.close();
  });
});

describe("git runs nothing from the repository's configuration", () => {
  it("a `core.fsmonitor` hook in .git/config is never run, by history or by --changed-since", async () => {
    const repo = await makeRepo();
    const first = await repo.commit("source", { "articles/guide.md": SOURCE });
    await repo.commit("translate", { "locales/de/guide.md": translation(first) });
    const marker = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-marker-")), "fsmonitor-ran");
    const hook = path.join(repo.root, ".git", "fsmonitor-hook.sh");
    await writeFile(hook, `#!/bin/sh\ntouch ${JSON.stringify(marker)}\n`);
    await chmod(hook, 0o755);
    repo.git("config", "core.fsmonitor", hook);
    await writeFile(path.join(repo.root, "locales/de/guide.md"), translation(first).replace("Werkzeug", "Tool"));
    const report = await check({ root: repo.root, changedSince: "HEAD" });
    expect(report.summary.translations).toBe(1);
    expect(existsSync(marker)).toBe(false);
    // The hook does run for git itself: the test would notice a tool that did not override it.
    repo.git("status", "--short");
    expect(existsSync(marker)).toBe(true);
  });

  it("a filter's clean command and a textconv driver in .git/config are never run by --changed-since", async () => {
    const repo = await makeRepo();
    const first = await repo.commit("source", { "articles/guide.md": SOURCE, ".gitattributes": "*.md filter=evil diff=evil\n" });
    await repo.commit("translate", { "locales/de/guide.md": translation(first) });
    const markers = await mkdtemp(path.join(tmpdir(), "l10n-drift-marker-"));
    const clean = path.join(markers, "clean-ran");
    const textconv = path.join(markers, "textconv-ran");
    repo.git("config", "filter.evil.clean", `sh -c 'touch ${clean}; cat'`);
    repo.git("config", "diff.evil.textconv", `sh -c 'touch ${textconv}; cat "$1"' -`);
    await writeFile(path.join(repo.root, "locales/de/guide.md"), translation(first).replace("Werkzeug", "Tool"));
    const report = await check({ root: repo.root, changedSince: "HEAD" });
    expect(report.scope?.articles).toEqual([{ article: "guide.md", locales: ["de"] }]);
    expect({ clean: existsSync(clean), textconv: existsSync(textconv) }).toEqual({ clean: false, textconv: false });
    // Git itself runs the filter for the same comparison: the test would notice a tool that did not turn it off.
    repo.git("diff", "--name-only", "HEAD");
    expect(existsSync(clean)).toBe(true);
  });

  it("a ref that looks like an option is a ref, never an option (`--output=FILE` writes nothing)", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/guide.md": SOURCE });
    const target = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-marker-")), "written");
    await expect(check({ root: repo.root, changedSince: `--output=${target}` })).rejects.toThrow(/is not a commit in this repository/);
    expect(existsSync(target)).toBe(false);
  });
});

describe("history of a renamed source", () => {
  it("a source renamed away and back keeps its history", async () => {
    const repo = await makeRepo();
    const first = await repo.commit("source", { "articles/guide.md": SOURCE });
    await repo.commit("translate", { "locales/de/guide.md": translation(first) });
    await repo.rename("away", "articles/guide.md", "articles/moved.md");
    await repo.rename("back", "articles/moved.md", "articles/guide.md");
    await repo.commit("more", { "articles/guide.md": `${SOURCE}\n## <a name="more"></a>More\nMore text.\n` });
    const stale = facts(await check({ root: repo.root })).filter((finding) => finding.ruleId === "stale-source");
    expect(stale).toEqual([
      {
        ruleId: "stale-source",
        file: "locales/de/guide.md",
        line: 4,
        message: `The source changed since this translation's baseline \`${first.slice(0, 7)}\` (source-commit-pin): added \`#more\`; 1 commit and 3 lines behind. Update the sections listed.`,
      },
    ]);
  });
});

describe("an old version git cannot give", () => {
  it("a missing old blob is said once by history-unavailable, not a silent loss of stale-source", async () => {
    const repo = await makeRepo();
    const first = await repo.commit("source", { "articles/guide.md": SOURCE });
    await repo.commit("translate", { "locales/de/guide.md": translation(first) });
    await repo.commit("more", { "articles/guide.md": `${SOURCE}\n## <a name="more"></a>More\nMore text.\n` });
    const oldBlob = repo.git("rev-parse", `${first}:articles/guide.md`);
    await rm(path.join(repo.root, ".git", "objects", oldBlob.slice(0, 2), oldBlob.slice(2)));
    expect(facts(await check({ root: repo.root })).filter((finding) => finding.ruleId !== "missing-section")).toEqual([
      {
        ruleId: "history-unavailable",
        file: "articles",
        line: undefined,
        message:
          "1 translation (such as `locales/de/guide.md`) falls back to `ms.date`: git could not give the source version it was made from (a missing or corrupt object, one over `maxFileBytes`, or git stopped answering); check the repository with `git fsck`.",
      },
    ]);
  });
});
