import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { check, type Report } from "../../src/index.js";
import { makeTree } from "../support/fixtures.js";
import { commitAll, git } from "../support/git.js";

const SOURCE = (extra = "") => `# Title\n\n## <a name="a"></a>A\nText.\n\n## <a name="b"></a>B\nText.\n${extra}`;
const GERMAN = `# <a name="title"></a>Titel\n\n## <a name="a"></a>A (de)\nText.\n`;

function io(cwd: string): CliIo & { out: string; err: string } {
  const state = { out: "", err: "", env: {}, stdoutIsTty: false, cwd, stdout: (text: string) => void (state.out += text), stderr: (text: string) => void (state.err += text) };
  return state;
}

describe("baseline", () => {
  it("records today's findings, then fails only on new ones and reports the fixed", async () => {
    const root = await makeTree({ "articles/x.md": SOURCE(), "locales/de/x.md": GERMAN, "articles/y.md": SOURCE(), "locales/de/y.md": GERMAN });
    const record = io(root);
    expect(await main(["baseline", "--no-history"], record)).toBe(0);
    expect(record.out).toBe("Recorded 2 findings in .l10n-drift-baseline.json\n");
    const baseline = JSON.parse(await readFile(path.join(root, ".l10n-drift-baseline.json"), "utf8"));
    expect(baseline.findings.map((entry: { ruleId: string; article: string; anchor: string }) => `${entry.ruleId} ${entry.article} ${entry.anchor}`)).toEqual([
      "missing-section x.md b",
      "missing-section y.md b",
    ]);

    const known = io(root);
    expect(await main(["check", "--baseline", "--no-history"], known)).toBe(0);
    // Without history or dates, a translation that disagrees with its source is wrong: broken, but known.
    expect(known.out.split("\n").filter((line) => line.includes("missing-section"))).toEqual([
      "    locales/de/x.md:5:1  error    Section `B` (`#b`) is missing; add it after `A (de)` (`#a`), as in the source.  missing-section  (known)",
      "    locales/de/y.md:5:1  error    Section `B` (`#b`) is missing; add it after `A (de)` (`#a`), as in the source.  missing-section  (known)",
    ]);
    // Known errors do not fail the check (exit 0), so the mark is no ✖.
    expect(known.out.trimEnd().split("\n").at(-1)).toBe("⚠ 2 broken, 0 outdated, 0 missing of 2 translations; 2 findings (2 errors, 0 warnings, 0 info) in 2 articles × 1 locale; 0 new, 2 known, 0 fixed");

    // Lines move above the known problem: still known. y.md is fixed; a new section goes missing in x.md.
    await writeFile(path.join(root, "locales/de/x.md"), `\n\n\n${GERMAN}`);
    await writeFile(path.join(root, "locales/de/y.md"), `${GERMAN}\n## <a name="b"></a>B (de)\nText.\n`);
    await writeFile(path.join(root, "articles/x.md"), SOURCE('\n## <a name="c"></a>C\nNew.\n'));
    const after = io(root);
    expect(await main(["check", "--baseline", "--no-history", "--format", "json"], after)).toBe(1);
    const report = JSON.parse(after.out) as Report;
    expect(report.findings.map((finding) => `${finding.anchor} ${finding.suppression} ${finding.line}`)).toEqual(["b known 8", "c new 8"]);
    expect(report.suppressions?.fixed.map((entry) => `${entry.article} ${entry.anchor}`)).toEqual(["y.md b"]);
  });

  it("suppress and known record the same file as baseline; --suppressions and --baseline read it alike", async () => {
    const root = await makeTree({ "articles/x.md": SOURCE(), "locales/de/x.md": GERMAN });
    const recorded: string[] = [];
    for (const command of ["suppress", "known", "baseline"]) {
      const record = io(root);
      expect(await main([command, "--no-history", "--output", `${command}.json`], record)).toBe(0);
      expect(record.out).toBe(`Recorded 1 findings in ${command}.json\n`);
      recorded.push(await readFile(path.join(root, `${command}.json`), "utf8"));
    }
    expect(new Set(recorded).size).toBe(1);
    for (const flag of ["--suppressions", "--baseline"]) {
      const known = io(root);
      expect(await main(["check", flag, "suppress.json", "--no-history"], known), flag).toBe(0);
      expect(known.out.trimEnd().split("\n").at(-1), flag).toBe("⚠ 1 broken, 0 outdated, 0 missing of 1 translation; 1 finding (1 error, 0 warnings, 0 info) in 1 article × 1 locale; 0 new, 1 known, 0 fixed");
    }
  });

  it("refuses a missing or foreign baseline with one line", async () => {
    const root = await makeTree({ "articles/x.md": SOURCE(), "locales/de/x.md": GERMAN, "other.json": '{"findings": 3}' });
    const missing = io(root);
    expect(await main(["check", "--baseline"], missing)).toBe(2);
    expect(missing.err).toBe("l10n-drift: CONFIG_INVALID cannot read the suppressions file `.l10n-drift-baseline.json` (ENOENT); record one with `l10n-drift suppress`\n");
    const foreign = io(root);
    expect(await main(["check", "--baseline", "other.json"], foreign)).toBe(2);
    expect(foreign.err).toBe("l10n-drift: CONFIG_INVALID `other.json` is not an l10n-drift file of known findings (schema version 1 or 2); record it again with `l10n-drift suppress`\n");
  });
});

describe("--changed-since", () => {
  it("checks the articles whose source or translation changed, and those linking to them with a fragment", async () => {
    const root = await makeTree({
      "articles/changed.md": SOURCE(),
      "locales/de/changed.md": GERMAN,
      "articles/linking.md": `${SOURCE()}\nSee [B](changed.md#b).\n`,
      "locales/de/linking.md": GERMAN,
      "articles/untouched.md": SOURCE(),
      "locales/de/untouched.md": GERMAN,
      "articles/translated.md": SOURCE(),
      "locales/de/translated.md": GERMAN,
    });
    git(root, "init", "-q");
    commitAll(root, "docs");
    await writeFile(path.join(root, "articles/changed.md"), SOURCE("\n## C\nNew.\n"));
    await writeFile(path.join(root, "locales/de/translated.md"), `${GERMAN}\nMehr.\n`);
    await writeFile(path.join(root, "articles/new.md"), SOURCE());

    const report = await check({ root, changedSince: "HEAD", history: false });
    expect(report.articles.map((article) => article.article)).toEqual(["changed.md", "linking.md", "new.md", "translated.md"]);
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.article} ${finding.anchor ?? ""}`.trim())).toEqual([
      "missing-section changed.md b",
      "missing-section changed.md c",
      "missing-section linking.md b",
      "missing-section translated.md b",
    ]);
    // missing-translation is off by default: the new article's German translation is missing by its state alone.
    expect(report.articles.map((article) => `${article.article} ${article.translations.map((translation) => `${translation.locale}:${translation.state}`).join(" ")}`)).toEqual([
      "changed.md de:broken",
      "linking.md de:broken",
      "new.md de:missing",
      "translated.md de:broken",
    ]);
    expect((await check({ root: root, changedSince: "HEAD", locales: ["de"], history: false })).summary.articles).toBe(4);
  });

  it("says what to do when the ref is not in the clone", async () => {
    const root = await makeTree({ "articles/x.md": SOURCE(), "locales/de/x.md": GERMAN });
    git(root, "init", "-q");
    commitAll(root, "docs");
    await expect(check({ root, changedSince: "origin/main" })).rejects.toThrow(
      "`origin/main` is not a commit in this repository (in a shallow clone, fetch it first, e.g. fetch-depth: 0)",
    );
  });
});
