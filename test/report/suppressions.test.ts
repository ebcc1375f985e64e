import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { fingerprintV1 } from "../../src/model/finding.js";
import { applySuppressions, createSuppressions, parseSuppressions, type SuppressionsFile } from "../../src/report/suppressions.js";
import { makeRepo } from "../support/git.js";

const SOURCE = "# Guide\n\n## <a name=\"a\"></a>A\n\nText.\n\n## <a name=\"b\"></a>B\n\nMore text.\n";
/** Translations without section B: a known `missing-section` each. */
const GERMAN = "# Anleitung\n\n## <a name=\"a\"></a>A auf Deutsch\n\nDeutscher Text.\n";
const JAPANESE = "# ガイド\n\n## <a name=\"a\"></a>A の説明\n\n日本語のテキストです。\n";
const JAPANESE_FIXED = `${JAPANESE}\n## <a name="b"></a>B の説明\n\nさらに日本語のテキストです。\n`;

/** Two articles in de and ja, each translation lacking section B; the known findings recorded on the whole tree. */
async function debtRepo() {
  const repo = await makeRepo();
  await repo.commit("Add the sources", { "articles/one.md": SOURCE, "articles/two.md": SOURCE });
  await repo.commit("Translate them", { "locales/de/one.md": GERMAN, "locales/ja/one.md": JAPANESE, "locales/de/two.md": GERMAN, "locales/ja/two.md": JAPANESE });
  const known = createSuppressions(await check({ root: repo.root, workers: 0 }));
  return { repo, known };
}

describe("known findings under --changed-since", () => {
  it("compare only within the articles and locales the change touched: the rest is neither new nor fixed", async () => {
    const { repo, known } = await debtRepo();
    expect(known.findings.map((entry) => `${entry.ruleId} ${entry.article} ${entry.locale} ${entry.anchor ?? ""}`)).toEqual([
      "missing-section one.md de b",
      "missing-section one.md ja b",
      "missing-section two.md de b",
      "missing-section two.md ja b",
    ]);
    // A Japanese pull request that translates section B of one page.
    await repo.commit("Translate section B of one.md into Japanese", { "locales/ja/one.md": JAPANESE_FIXED });

    const report = applySuppressions(await check({ root: repo.root, changedSince: "HEAD~1", workers: 0 }), known, "known.json");
    expect(report.scope).toEqual({ changedSince: "HEAD~1", locales: ["de", "ja"], sourceLocale: "en", articles: [{ article: "one.md", locales: ["ja"] }] });
    expect(report.findings).toEqual([]);
    expect(report.suppressions.known).toBe(0);
    expect(report.suppressions.new).toBe(0);
    expect(report.suppressions.fixed.map((entry) => `${entry.article} ${entry.locale} ${entry.anchor ?? ""}`)).toEqual(["one.md ja b"]);
  });

  it("a run over the whole tree still calls every known finding it no longer sees fixed", async () => {
    const { repo, known } = await debtRepo();
    await repo.commit("Translate section B of one.md into Japanese", { "locales/ja/one.md": JAPANESE_FIXED });
    const report = applySuppressions(await check({ root: repo.root, workers: 0 }), known, "known.json");
    expect(report.scope).toBeUndefined();
    expect(report.suppressions.known).toBe(3);
    expect(report.suppressions.fixed.map((entry) => `${entry.article} ${entry.locale}`)).toEqual(["one.md ja"]);
  });

  it("--locale narrows the comparison too", async () => {
    const { repo, known } = await debtRepo();
    await repo.commit("Translate section B of one.md into Japanese", { "locales/ja/one.md": JAPANESE_FIXED });
    const report = applySuppressions(await check({ root: repo.root, locales: ["de"], workers: 0 }), known, "known.json");
    expect(report.suppressions.known).toBe(2);
    expect(report.suppressions.fixed).toEqual([]);
  });
});

describe("the known-findings file", () => {
  it("records identity and location only, no message", async () => {
    const { known } = await debtRepo();
    expect(known.schemaVersion).toBe(2);
    expect(known.findings[0]).toEqual({
      fingerprint: known.findings[0]!.fingerprint,
      ruleId: "missing-section",
      messageId: "missing-after",
      locale: "de",
      article: "one.md",
      anchor: "b",
      key: "b",
      file: "locales/de/one.md",
      line: 6,
    });
    expect(JSON.stringify(known)).not.toContain("message\"");
  });

  it("still reads schema version 2 files written with messages, and version 1 files by their messages", async () => {
    const { repo, known } = await debtRepo();
    const report = await check({ root: repo.root, workers: 0 });
    const withMessages: SuppressionsFile = { schemaVersion: 2, findings: known.findings.map((entry, index) => ({ ...entry, message: report.findings[index]!.message })) };
    const v2 = applySuppressions(report, parseSuppressions(JSON.stringify(withMessages), "known.json"), "known.json");
    expect([v2.suppressions.known, v2.suppressions.new, v2.suppressions.fixed.length]).toEqual([4, 0, 0]);

    const v1: SuppressionsFile = {
      schemaVersion: 1,
      findings: report.findings.map((finding) => ({ fingerprint: fingerprintV1(finding), ruleId: finding.ruleId, locale: finding.locale, article: finding.article, ...(finding.anchor !== undefined && { anchor: finding.anchor }), message: finding.message })),
    };
    const read = applySuppressions(report, parseSuppressions(JSON.stringify(v1), "old.json"), "old.json");
    expect(read.findings.map((finding) => finding.suppression)).toEqual(["known", "known", "known", "known"]);
    expect(read.suppressions.notice).toContain("schema version 1");
    // A reworded message is new against a v1 file: why v1 entries keep theirs.
    const reworded = { ...report, findings: report.findings.map((finding, index) => (index === 0 ? { ...finding, message: `${finding.message} (reworded)` } : finding)) };
    expect(applySuppressions(reworded, v1, "old.json").findings.map((finding) => finding.suppression)).toEqual(["new", "known", "known", "known"]);
  });
});
