import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeTree, REPO_ROOT, writeTree } from "../support/fixtures.js";

const run = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, "scripts/action.js");
const HELP = execFileSync(process.execPath, [path.join(REPO_ROOT, "bin/l10n-drift.js"), "check", "--help"], { encoding: "utf8" });
/** The script adapts to the build it runs with; the expectations follow the same build. */
const HAS = {
  github: HELP.includes('"github"'),
  sarif: HELP.includes('"sarif"'),
  markdown: HELP.includes('"markdown"'),
  changedSince: HELP.includes("--changed-since"),
  baseline: HELP.includes("--baseline"),
};

const SOURCE = `---
title: Example
ms.date: 10/07/2020
---

# Connect a network

## <a name="exchange"></a>Through a cloud exchange
Order a cross-connection from the exchange.

## <a name="direct"></a>Direct from a site
Connect straight to the global network.
`;

const COMPLETE = `---
title: Beispiel
ms.date: 10/07/2020
ms.contentlocale: de-DE
---

# <a name="connect-a-network"></a>Ein Netzwerk verbinden

## <a name="exchange"></a>Über einen Cloud Exchange
Bestellen Sie eine Querverbindung.

## <a name="direct"></a>Direkt von einem Standort
Verbinden Sie sich direkt.
`;

/** The German translation without the `direct` section; the finding points at its end, line 11. */
const MISSING_DIRECT = COMPLETE.slice(0, COMPLETE.indexOf('## <a name="direct"'));

/** The source before its `direct` section was written. */
const SOURCE_WITHOUT_DIRECT = SOURCE.slice(0, SOURCE.indexOf('## <a name="direct"'));

/** The complete German translation with a link its source's section does not have. */
const EXTRA_LINK = COMPLETE.replace("Bestellen Sie eine Querverbindung.", "Bestellen Sie eine [Querverbindung](https://example.com/cross-connect).");

/** A documentation repository: the source committed, then its translation, as history has it. */
async function repository(translation: string, source = SOURCE): Promise<string> {
  const root = await makeTree({ "articles/network/connect.md": source });
  execFileSync("git", ["init", "-q"], { cwd: root });
  commitAll(root, "source");
  await writeTree(root, { "locales/de/network/connect.md": translation });
  commitAll(root, "translation");
  return root;
}

function commitAll(root: string, message: string): void {
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore" });
  git("add", "-A");
  git("commit", "-q", "-m", message);
}

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string | undefined;
}

/** Runs the action's script as the composite step does, with the runner's files in a temp dir. */
async function runAction(root: string, inputs: Record<string, string>): Promise<ActionRun> {
  const runner = await mkdtemp(path.join(tmpdir(), "l10n-drift-runner-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: path.join(runner, "output"),
    GITHUB_STEP_SUMMARY: path.join(runner, "summary.md"),
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] = value;
  let result: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT], { cwd: root, env });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    result = { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
  const outputs = existsSync(env.GITHUB_OUTPUT!) ? parseOutputs(await readFile(env.GITHUB_OUTPUT!, "utf8")) : {};
  const summary = existsSync(env.GITHUB_STEP_SUMMARY!) ? await readFile(env.GITHUB_STEP_SUMMARY!, "utf8") : undefined;
  return { ...result, outputs, summary };
}

function parseOutputs(text: string): Record<string, string> {
  return Object.fromEntries(text.split("\n").filter((line) => line !== "").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

describe("the action's script on a local repository", () => {
  it("fails on a section the translator left out, annotates it, writes SARIF, the outputs and the step summary", async () => {
    // The source had the `direct` section when the translation was made: a translator's error.
    const root = await repository(MISSING_DIRECT);
    const result = await runAction(root, { root: ".", "fail-on": "error", sarif: "true", summary: "true" });

    expect(result.code).toBe(1);
    const summaryLine = "✖ 1 broken, 0 outdated, 0 missing of 1 translation; 1 finding (1 error, 0 warnings, 0 info) in 1 article × 1 locale";
    if (HAS.github) {
      // The annotation, then the summary line once.
      expect(result.stdout).toMatch(/^::error file=locales\/de\/network\/connect\.md,line=11,col=1,title=missing-section \(de\)::Section `Direct from a site` \(`#direct`\) is missing[^\n]*\n✖ [^\n]*\n$/);
      expect(result.stdout.endsWith(`\n${summaryLine}\n`)).toBe(true);
    } else {
      expect(result.stdout).toContain("::notice title=l10n-drift::--format github not supported by this build; findings are listed as text, without annotations\n");
      expect(result.stdout).toMatch(/^ {4}locales\/de\/network\/connect\.md:11:1 {2}error {4}Section `Direct from a site` \(`#direct`\) is missing.* {2}missing-section$/m);
      expect(result.stdout).toContain(`${summaryLine}\n`);
    }

    expect(result.outputs).toMatchObject({ "exit-code": "1", errors: "1", warnings: "0", info: "0", broken: "1", outdated: "0", missing: "0" });
    const report = JSON.parse(await readFile(result.outputs.report!, "utf8")) as { findings: Array<{ ruleId: string; file: string; line: number; cause: string }> };
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.cause}`)).toEqual(["missing-section locales/de/network/connect.md:11 translation"]);
    if (HAS.sarif) {
      const sarif = JSON.parse(await readFile(result.outputs["sarif-file"]!, "utf8")) as { version: string; runs: Array<{ results: unknown[] }> };
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0]?.results).toHaveLength(1);
    } else {
      expect(result.outputs["sarif-file"]).toBe("");
      expect(result.stdout).toContain("::notice title=l10n-drift::--format sarif not supported by this build; no SARIF to upload\n");
    }
    if (HAS.markdown) expect(result.summary).toContain("connect.md");
    else expect(result.summary).toBe(`## l10n-drift\n\n${summaryLine}\n`);
  });

  it("passes when the English source gained the section after the translation, even at fail-on warning: outdated, not annotated", async () => {
    // The translation matched its source; the `direct` section came later, in English only.
    const root = await repository(MISSING_DIRECT, SOURCE_WITHOUT_DIRECT);
    await writeTree(root, { "articles/network/connect.md": SOURCE });
    commitAll(root, "source gains a section");
    const result = await runAction(root, { root: ".", "fail-on": "warning", sarif: "false", summary: "false" });

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("::error");
    expect(result.stdout).not.toContain("::warning");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("⚠ 0 broken, 1 outdated, 0 missing of 1 translation; 2 findings (1 error, 1 warning, 0 info) in 1 article × 1 locale");
    expect(result.outputs).toMatchObject({ "exit-code": "0", errors: "1", warnings: "1", broken: "0", outdated: "1", missing: "0", "sarif-file": "" });
    const report = JSON.parse(await readFile(result.outputs.report!, "utf8")) as { findings: Array<{ ruleId: string; file: string; line: number; cause: string }> };
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.cause}`)).toEqual(["stale-source locales/de/network/connect.md:1 upstream", "missing-section locales/de/network/connect.md:11 upstream"]);
  });

  it("passes a complete translation with exit 0 and leaves the summary alone when told to", async () => {
    const root = await repository(COMPLETE);
    const result = await runAction(root, { root: ".", sarif: "false", summary: "false" });

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("✔ 1 translation current, no drift in 1 article × 1 locale\n");
    expect(result.outputs).toMatchObject({ "exit-code": "0", errors: "0", warnings: "0", info: "0", broken: "0", outdated: "0", missing: "0", "sarif-file": "" });
    expect(result.summary).toBeUndefined();
  });

  it("fails on a translator's warning when fail-on is warning, with changed-since passed on or a notice that it cannot be", async () => {
    const root = await repository(COMPLETE);
    // The translator adds a link the source's section does not have: one link-drift warning.
    await writeTree(root, { "locales/de/network/connect.md": EXTRA_LINK });
    commitAll(root, "translation gains a link");
    // The suppressions file format belongs to builds that have it; only the notice of one without is tested here.
    const inputs = { root: ".", "changed-since": "HEAD~1", ...(!HAS.baseline && { baseline: "baseline.json" }), sarif: "false", summary: "false" };
    const result = await runAction(root, { ...inputs, "fail-on": "warning" });

    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ "exit-code": "1", errors: "0", warnings: "1", broken: "1", outdated: "0" });
    const report = JSON.parse(await readFile(result.outputs.report!, "utf8")) as { findings: Array<{ ruleId: string; file: string; line: number; cause: string }> };
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.cause}`)).toEqual(["link-drift locales/de/network/connect.md:10 translation"]);
    if (HAS.github) expect(result.stdout).toMatch(/^::warning file=locales\/de\/network\/connect\.md,line=10,col=\d+,title=link-drift \(de\)::/m);
    const notices = result.stdout.split("\n").filter((line) => line.includes("not supported by this build; "));
    expect(notices).toEqual([
      ...(HAS.changedSince ? [] : ["::notice title=l10n-drift::--changed-since not supported by this build; checking the whole tree"]),
      ...(HAS.baseline ? [] : ["::warning title=l10n-drift::--baseline not supported by this build; known findings are reported too"]),
      ...(HAS.github ? [] : ["::notice title=l10n-drift::--format github not supported by this build; findings are listed as text, without annotations"]),
    ]);
    // At the default fail-on, the same warning does not fail.
    expect((await runAction(root, { ...inputs, "fail-on": "error" })).code).toBe(0);
  });

  it("exits 2 with the tool's one-line error for a root that does not exist", async () => {
    const root = await repository(COMPLETE);
    const result = await runAction(root, { root: "no/such/tree" });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`l10n-drift: ROOT_UNREADABLE the root \`${path.join(root, "no/such/tree")}\` does not exist\n`);
    expect(result.outputs).toEqual({ "exit-code": "2" });
  });
});
