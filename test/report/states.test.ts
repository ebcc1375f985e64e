import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import type { ArticleOutline, Report } from "../../src/model/report.js";
import { assignStates } from "../../src/report/states.js";
import { summarize } from "../../src/report/summary.js";
import { verdict } from "../../src/report/verdict.js";

const ARTICLE = "guide.md";

function outline(...locales: Array<[string, "translated" | "missing" | "unreadable"]>): ArticleOutline {
  return {
    article: ARTICLE,
    file: `articles/${ARTICLE}`,
    sections: [{ anchor: "intro", title: "Intro", level: 1, line: 1 }],
    translations: locales.map(([locale, status]) => ({ locale, file: `locales/${locale}/${ARTICLE}`, status, state: "current", reasons: [], rows: [] })),
  };
}

function finding(locale: string, fingerprint: string, fields: Partial<Finding>): Finding {
  return { ruleId: "some-rule", messageId: "m", severity: "warning", cause: "unknown", locale, article: ARTICLE, file: `locales/${locale}/${ARTICLE}`, key: fingerprint, message: "m", fingerprint, ...fields };
}

const STALE_SOURCE_DATA = {
  method: "translation-commit",
  commit: "a".repeat(40),
  commitsBehind: 2,
  changedLines: 7,
  added: [{ anchor: "governance", title: "Governance" }],
  changed: [{ anchor: "intro", title: "Intro", kinds: ["prose"] }],
  removed: [],
  frontMatter: ["title"],
  includes: [{ file: "includes/x.md", commits: 1 }],
  outdatedSince: "2026-05-01",
};

describe("assignStates", () => {
  it("gives each translation one state from the causes of its findings", () => {
    const findings = [
      finding("de", "f-de-error", { cause: "translation", severity: "error", anchor: "intro" }),
      finding("fr", "f-fr-stale", { cause: "upstream", data: STALE_SOURCE_DATA }),
      finding("fr", "f-fr-new", { cause: "upstream", anchor: "governance" }),
      finding("ja", "f-ja-mt", { cause: "translation", severity: "info" }),
      finding("ko", "f-ko-error", { cause: "translation", anchor: "intro" }),
      finding("ko", "f-ko-stale", { cause: "upstream", data: STALE_SOURCE_DATA }),
    ];
    const [result] = assignStates([outline(["de", "translated"], ["fr", "translated"], ["ja", "translated"], ["ko", "translated"], ["nl", "missing"], ["sv", "unreadable"])], findings);
    expect(result!.translations.map(({ locale, state, outdated, reasons }) => ({ locale, state, outdated, reasons }))).toEqual([
      { locale: "de", state: "broken", outdated: undefined, reasons: ["f-de-error"] },
      { locale: "fr", state: "outdated", outdated: undefined, reasons: ["f-fr-new", "f-fr-stale"] },
      { locale: "ja", state: "current", outdated: undefined, reasons: [] },
      { locale: "ko", state: "broken", outdated: true, reasons: ["f-ko-error"] },
      { locale: "nl", state: "missing", outdated: undefined, reasons: [] },
      { locale: "sv", state: "unreadable", outdated: undefined, reasons: [] },
    ]);
    expect(result!.translations[1]!.work).toEqual({
      method: "translation-commit",
      commit: "a".repeat(40),
      commitsBehind: 2,
      changedLines: 7,
      added: [{ anchor: "governance", title: "Governance" }],
      changed: [{ anchor: "intro", title: "Intro", kinds: ["prose"] }],
      removed: [],
      frontMatter: ["title"],
      includes: ["includes/x.md"],
      outdatedSince: "2026-05-01",
    });
    // Keys in the published order.
    expect(Object.keys(result!.translations[3]!)).toEqual(["locale", "file", "status", "state", "outdated", "reasons", "work", "rows"]);
  });

  it("counts a finding of unknown cause as upstream when dates say the source moved on, else as a translation error", () => {
    const dated = [
      finding("de", "f-date", { cause: "upstream", data: { key: "ms.date", translationDate: "2024-01-01", sourceDate: "2025-02-03" } }),
      finding("de", "f-missing", { cause: "unknown", severity: "error", anchor: "direct", data: { title: "Direct" } }),
      finding("zh", "f-link", { cause: "unknown", anchor: "intro" }),
    ];
    const [result] = assignStates([outline(["de", "translated"], ["zh", "translated"])], dated);
    const [de, zh] = result!.translations;
    expect(de!.state).toBe("outdated");
    expect(de!.work).toEqual({ method: "date", added: [], changed: [], removed: [], frontMatter: [], includes: [], outdatedSince: "2025-02-03", review: [{ anchor: "direct", title: "Direct" }] });
    expect(zh!.state).toBe("broken");
    expect(zh!.reasons).toEqual(["f-link"]);
  });

  it("is idempotent, so merged shards get the states of one run", () => {
    const findings = [finding("de", "f1", { cause: "upstream", data: STALE_SOURCE_DATA })];
    const once = assignStates([outline(["de", "translated"])], findings);
    expect(assignStates(once, findings)).toEqual(once);
  });
});

function reportOf(outlines: ArticleOutline[], findings: Finding[]): Report {
  const articles = assignStates(outlines, findings);
  return { schemaVersion: 1, tool: { name: "l10n-drift", version: "0" }, summary: summarize(articles, ["de", "fr", "ja"], findings), findings, articles };
}

describe("verdict", () => {
  const findings = [
    finding("de", "f-de", { cause: "translation", severity: "error" }),
    finding("fr", "f-fr", { cause: "upstream", severity: "error", anchor: "governance" }),
    { ...finding("en", "f-source", { severity: "error", cause: "translation" }), file: `articles/${ARTICLE}` },
  ];
  const outlines = [outline(["de", "translated"], ["fr", "translated"], ["ja", "missing"])];

  it("fails on broken translations and source problems, not on outdated or missing ones", () => {
    const report = reportOf(outlines, findings);
    expect(report.summary.states).toEqual({ broken: 1, outdated: 1, missing: 1, unreadable: 0, untracked: 0, current: 0 });
    const result = verdict(report, { failOn: "error" });
    expect(result.failed).toBe(true);
    expect(result.failing.map((item) => item.fingerprint)).toEqual(["f-de", "f-source"]);
    expect(verdict(reportOf(outlines, findings.slice(1, 2)), { failOn: "error" }).failed).toBe(false);
  });

  it("fails on the states a team chooses, in the locales it chooses", () => {
    const report = reportOf(outlines, findings.slice(1, 2));
    expect(verdict(report, { failOn: "error", states: ["outdated"], locales: ["ja"] }).failed).toBe(false);
    expect(verdict(report, { failOn: "error", states: ["outdated", "missing"] }).failingTranslations).toEqual([
      { article: ARTICLE, locale: "fr", state: "outdated" },
      { article: ARTICLE, locale: "ja", state: "missing" },
    ]);
  });

  it("does not fail on known findings or below the threshold", () => {
    const known = findings.map((item) => ({ ...item, suppression: "known" as const }));
    expect(verdict(reportOf(outlines, known), { failOn: "error" }).failed).toBe(false);
    const warnings = findings.map((item) => ({ ...item, severity: "warning" as const }));
    expect(verdict(reportOf(outlines, warnings), { failOn: "error" }).failed).toBe(false);
    expect(verdict(reportOf(outlines, warnings), { failOn: "warning" }).failed).toBe(true);
    expect(verdict(reportOf(outlines, findings), { failOn: "never" }).failed).toBe(false);
  });
});
