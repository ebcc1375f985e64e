import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";
import { compileSchema, REPORT_SCHEMA } from "../support/reports.js";

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");

interface JsonReport {
  run?: { history: { gaps: Array<{ reason: string; count: number; example: string }> } };
  findings: Array<{ ruleId: string; article: string; message: string; fingerprint: string; severity: string }>;
}

async function check(root: string, ...args: string[]): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-merge-out-")), "drift.json");
  await run(process.execPath, [BIN, "check", "--root", root, "--format", "json", "--output", out, "--fail-on", "never", "--no-cache", ...args]);
  return readFile(out, "utf8");
}

async function merge(root: string, shards: readonly string[], ...args: string[]): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "l10n-drift-merge-shards-"));
  const files = await Promise.all(
    shards.map(async (json, index) => {
      const file = path.join(directory, `shard-${index + 1}.json`);
      await writeFile(file, json);
      return file;
    }),
  );
  const { stdout } = await run(process.execPath, [BIN, "merge", ...files, "--root", root, ...args]);
  return stdout;
}

const article = (index: number) => `# Guide ${index}\n\n## <a name="setup"></a>Setup\n\nText.\n`;
const translation = (index: number) => `# Anleitung ${index}\n\n## <a name="setup"></a>Einrichtung\n\nText auf Deutsch.\n`;

describe("merge with history on", () => {
  let root: string;
  let unsharded: string;
  let shards: string[];

  beforeAll(async () => {
    // Six translations committed together with their sources: history cannot tell their baselines.
    const repo = await makeRepo();
    const files: Record<string, string> = {};
    for (let index = 1; index <= 6; index++) {
      files[`articles/guide-${index}.md`] = article(index);
      files[`locales/de/guide-${index}.md`] = translation(index);
    }
    await repo.commit("Add guides with translations", files);
    root = repo.root;
    unsharded = await check(root);
    shards = [await check(root, "--shard", "1/2"), await check(root, "--shard", "2/2")];
  });

  it("reports the run's history facts in the JSON report, valid against the schema", () => {
    const report = JSON.parse(unsharded) as JsonReport;
    expect(report.run).toEqual({
      sourceDir: "articles",
      sourceLocale: "en",
      history: { state: "available", shallow: false, gaps: [{ reason: "added-with-source", count: 6, example: "locales/de/guide-1.md" }], unknownPins: 0, importedPins: 0 },
    });
    const validate = compileSchema(REPORT_SCHEMA);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(shards.map((json) => (JSON.parse(json) as JsonReport).run?.history.gaps)).toEqual([
      [{ reason: "added-with-source", count: 3, example: "locales/de/guide-1.md" }],
      [{ reason: "added-with-source", count: 3, example: "locales/de/guide-2.md" }],
    ]);
  });

  it("adds up the shards' facts and says the run-level finding once, byte-identical to the unsharded report", async () => {
    const merged = await merge(root, shards);
    expect(merged).toBe(unsharded);
    const runLevel = (JSON.parse(merged) as JsonReport).findings.filter((finding) => finding.article === "");
    expect(runLevel.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))).toEqual([
      {
        ruleId: "history-unavailable",
        severity: "info",
        message:
          "6 translations (such as `locales/de/guide-1.md`) fall back to `ms.date`: committed together with the source, so history cannot tell which version was translated; pin the source commit in front matter (`ms.sourcegitcommit`, see docs/pins.md).",
      },
    ]);
  });

  it("merges in any order of the shards", async () => {
    expect(await merge(root, [...shards].reverse())).toBe(unsharded);
  });

  it("runs the run-level rules with the tree's configured levels", async () => {
    await writeFile(path.join(root, "l10n-drift.config.json"), JSON.stringify({ rules: { "history-unavailable": "warning" } }));
    try {
      const configured = [await check(root, "--shard", "1/2"), await check(root, "--shard", "2/2")];
      const merged = JSON.parse(await merge(root, configured)) as JsonReport;
      expect(merged.findings.filter((finding) => finding.article === "").map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(["history-unavailable warning"]);
      expect(await merge(root, configured)).toBe(await check(root));
    } finally {
      await writeFile(path.join(root, "l10n-drift.config.json"), "{}");
    }
  });

  it("refuses to merge a shard with run facts and one without", async () => {
    const withoutFacts = JSON.parse(shards[1]!) as JsonReport;
    delete withoutFacts.run;
    await expect(merge(root, [shards[0]!, JSON.stringify(withoutFacts)])).rejects.toMatchObject({
      stderr: "l10n-drift: USAGE cannot merge reports with and without run facts: run every shard with the same l10n-drift and options\n",
    });
  });
});
