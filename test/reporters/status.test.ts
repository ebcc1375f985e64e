import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { formatStatus, type StatusFile } from "../../src/reporters/status.js";
import { bundledReport, EDGE_WORK, edgeReport } from "../support/reports.js";
import { stateReport } from "../support/state-report.js";

function status(report: Report): StatusFile {
  return JSON.parse(formatStatus(report)) as StatusFile;
}

/** The rule ids behind a translation's reasons, so the test names findings, not hashes. */
function rulesOf(report: Report, reasons: readonly string[]): string[] {
  return reasons.map((reason) => report.findings.find((finding) => finding.fingerprint === reason)!.ruleId);
}

describe("status.json", () => {
  it("is schema version 2: per page and locale the state, whether and since when it is behind, its reasons and work", () => {
    const file = status(edgeReport());
    expect(file.schemaVersion).toBe(2);
    expect(file.pages).toEqual([
      {
        article: "guide/setup.md",
        source: "articles/guide/setup.md",
        translations: {
          fr: { file: "locales/fr/guide/setup.md", state: "broken", outdated: false, outdatedSince: null, reasons: ["0123456789abcdef0123456789abcdef", "0223456789abcdef0123456789abcdef"] },
          ja: { file: "locales/ja/guide/setup.md", state: "missing", outdated: false, outdatedSince: null, reasons: [] },
          sv: { file: "locales/sv/guide/setup.md", state: "outdated", outdated: true, outdatedSince: "2026-01-02", reasons: ["3123456789abcdef0123456789abcdef"], work: EDGE_WORK },
        },
      },
    ]);
  });

  it("marks a broken translation that is also behind as outdated, with its work, and keeps every state", () => {
    const translations = status(stateReport()).pages.map((page) => Object.entries(page.translations).map(([locale, each]) => [locale, each.state, each.outdated, each.outdatedSince, each.work?.method ?? null]));
    expect(translations).toEqual([
      [
        ["de", "current", false, null, null],
        ["fr", "outdated", true, "2026-01-02", "pin"],
        ["ja", "broken", false, null, null],
        ["ko", "broken", true, "2025-12-01", "date"],
        ["pt", "missing", false, null, null],
        ["sv", "unreadable", false, null, null],
      ],
      [
        ["de", "outdated", true, "2025-12-01", "date"],
        ["fr", "current", false, null, null],
        ["ja", "current", false, null, null],
        ["ko", "current", false, null, null],
        ["pt", "missing", false, null, null],
        ["sv", "current", false, null, null],
      ],
    ]);
  });

  it("says for the bundled example which translations are behind since the source's date, and why", async () => {
    const report = await bundledReport();
    const [page] = status(report).pages;
    expect(status(report).pages).toHaveLength(1);
    const review = [
      { anchor: "expressroute-connectivity-models", title: "expressroute-connectivity-models" },
      { anchor: "Direct", title: "Direct from ExpressRoute sites" },
    ];
    const work = { method: "date", added: [], changed: [], removed: [], frontMatter: [], includes: [], outdatedSince: "2020-10-07", review };
    // Swedish and Dutch keep an older `ms.topic`, which they must copy: its old and new value are work too.
    const withTopic = { ...work, values: [{ key: "ms.topic", value: "get-started-article", expected: "conceptual" }] };
    const summary = Object.fromEntries(Object.entries(page!.translations).map(([locale, each]) => [locale, { ...each, reasons: rulesOf(report, each.reasons).sort() }]));
    expect(summary).toEqual({
      de: { file: "locales/de/expressroute/expressroute-connectivity-models.md", state: "outdated", outdated: true, outdatedSince: "2020-10-07", reasons: ["link-drift", "missing-section", "stale-date"], work },
      nl: { file: "locales/nl/expressroute/expressroute-connectivity-models.md", state: "outdated", outdated: true, outdatedSince: "2020-10-07", reasons: ["link-drift", "metadata-drift", "missing-section", "stale-date"], work: withTopic },
      sv: { file: "locales/sv/expressroute/expressroute-connectivity-models.md", state: "outdated", outdated: true, outdatedSince: "2020-10-07", reasons: ["link-drift", "metadata-drift", "missing-section", "stale-date"], work: withTopic },
      zh: { file: "locales/zh/expressroute/expressroute-connectivity-models.md", state: "broken", outdated: false, outdatedSince: null, reasons: ["link-drift"] },
    });
  });

  it("keeps a locale named __proto__ as a locale", () => {
    const report = edgeReport();
    const article = { ...report.articles[0]!, translations: [{ ...report.articles[0]!.translations[1]!, locale: "__proto__" }] };
    expect(Object.keys(status({ ...report, articles: [article] }).pages[0]!.translations)).toEqual(["__proto__"]);
  });
});
