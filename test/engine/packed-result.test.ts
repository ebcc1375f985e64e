import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/config/presets/index.js";
import { createArticleContext } from "../../src/engine/context.js";
import { assembleReport, checkAndPack, groupsOf, packResult } from "../../src/engine/packed-result.js";
import { DEFAULT_PARSE_LIMITS } from "../../src/parse/document.js";
import type { ArticleResult } from "../../src/engine/article-result.js";
import { emptyTally } from "../../src/history/provider.js";
import type { Finding } from "../../src/model/finding.js";
import type { ArticleOutline } from "../../src/model/report.js";
import { unpackItems } from "../../src/report/packed.js";
import { sortFindings } from "../../src/report/sort.js";
import { assignStates } from "../../src/report/states.js";
import { makeTree } from "../support/fixtures.js";

const LOCALES = ["de", "fr"];

function outline(article: string): ArticleOutline {
  return {
    article,
    file: `en/${article}`,
    sections: [{ anchor: "intro", title: "Intro", level: 1, line: 1 }],
    translations: LOCALES.map((locale) => ({ locale, file: `${locale}/${article}`, status: "translated", state: "current", reasons: [], rows: [{ source: 0 }] })),
  };
}

function finding(article: string, locale: string, line: number, fields: Partial<Finding> = {}): Finding {
  const fingerprint = `${article}-${locale}-${line}-${fields.cause ?? "translation"}`;
  return { ruleId: "some-rule", messageId: "m", severity: "error", cause: "translation", locale, article, file: `${locale}/${article}`, line, key: fingerprint, message: `line ${line}`, fingerprint, ...fields };
}

function result(article: string, findings: Finding[]): ArticleResult {
  return { findings, outline: outline(article), history: emptyTally() };
}

/** What the report held before it was packed: one sort of every finding, states from all of them. */
function unpacked(results: readonly ArticleResult[], others: readonly Finding[]) {
  const findings = sortFindings([...results.flatMap((entry) => entry.findings), ...others]);
  return { findings, articles: assignStates(results.map((entry) => entry.outline), findings) };
}

describe.each([true, false])("assembleReport, deflated: %s", (deflate) => {
  it("orders findings and states as one sort of every finding does", () => {
    const results = [
      result("b.md", [finding("b.md", "fr", 3), finding("b.md", "fr", 9), finding("b.md", "de", 2, { cause: "upstream", severity: "warning" }), finding("", "en", 1, { message: "note from b" })]),
      result("a.md", [finding("a.md", "de", 5)]),
      result("c.md", []),
    ];
    // An orphan sorts between the articles; run notes (no article) come first, after the results' own in ties.
    const others = [finding("aa.md", "de", 1), finding("", "en", 1, { message: "note from b" }), finding("", "en", 0)];
    const packed = assembleReport(results.map((entry) => packResult(entry, deflate)), groupsOf(sortFindings(others), deflate), deflate);
    const expected = unpacked(results, others);
    expect(packed.findings.map((entry) => `${entry.article}|${entry.locale}|${entry.line}|${entry.message}`)).toEqual(expected.findings.map((entry) => `${entry.article}|${entry.locale}|${entry.line}|${entry.message}`));
    expect(JSON.stringify(packed.findings)).toBe(JSON.stringify(expected.findings));
    expect(JSON.stringify(packed.articles)).toBe(JSON.stringify(expected.articles));
    expect(packed.articles.map((entry) => entry.translations.map((translation) => translation.state))).toEqual([["outdated", "broken"], ["broken", "current"], ["current", "current"]]);
  });

  it("gives an outline its states from findings about it that another result holds", () => {
    const results = [result("a.md", [finding("b.md", "fr", 4)]), result("b.md", [])];
    const packed = assembleReport(results.map((entry) => packResult(entry, deflate)), [], deflate);
    expect(packed.articles[1]!.translations.map((translation) => translation.state)).toEqual(["current", "broken"]);
    expect(JSON.stringify(packed.articles)).toBe(JSON.stringify(unpacked(results, []).articles));
  });

  it("packs a result's outline with its states, deflated, as a worker sends it", () => {
    const packed = packResult(result("a.md", [finding("a.md", "de", 5)]), true);
    expect("bytes" in packed.outline && packed.outline.bytes.byteLength < 2000).toBe(true);
    expect(unpackItems<ArticleOutline>(packed.outline)[0]!.translations.map((translation) => translation.state)).toEqual(["broken", "current"]);
    expect(packed.findings.map((group) => [group.article, group.items.count])).toEqual([["a.md", 1]]);
  });
});

describe("checkAndPack", () => {
  it("deflates what it checked anew and, as the policy says, holds what it read from the cache as objects", async () => {
    const root = await makeTree({
      "articles/a.md": "# Title\n\nSome text in English, long enough to tell.\n\n## Setup\n\nMore text.\n",
      "locales/de/a.md": "# Titel\n\nEin Text auf Deutsch, lang genug zum Erkennen.\n",
    });
    const cacheDir = await mkdtemp(path.join(tmpdir(), "l10n-drift-pack-cache-"));
    const context = createArticleContext({ root, ruleSettings: {}, keys: PRESETS.default.keys, limits: DEFAULT_PARSE_LIMITS, sourceLocale: "en", cache: { directory: cacheDir, salt: "test" } }, {});
    const task = { article: "a.md", sourceFile: "articles/a.md", locales: [{ name: "de", file: "locales/de/a.md", present: true }] };
    const policy = { fresh: true, cached: false };

    const first = await checkAndPack(task, context, policy);
    const second = await checkAndPack(task, context, policy);
    expect([first.cached, second.cached]).toEqual([false, true]);
    const [checked, cached] = [first.packed, second.packed];

    expect("bytes" in checked.outline).toBe(true);
    expect(checked.findings.every((group) => "bytes" in group.items)).toBe(true);
    expect("items" in cached.outline).toBe(true);
    expect(cached.findings.every((group) => "items" in group.items)).toBe(true);
    expect(checked.findings.length).toBeGreaterThan(0);
    // The same result either way.
    expect(unpackItems(cached.outline)).toEqual(unpackItems(checked.outline));
    expect(cached.findings.map((group) => unpackItems(group.items))).toEqual(checked.findings.map((group) => unpackItems(group.items)));

    // Without a cache, everything is checked anew.
    const uncached = createArticleContext({ root, ruleSettings: {}, keys: PRESETS.default.keys, limits: DEFAULT_PARSE_LIMITS, sourceLocale: "en" }, {});
    const again = await checkAndPack(task, uncached, policy);
    expect(again.cached).toBe(false);
    expect("bytes" in again.packed.outline).toBe(true);
    expect("items" in (await checkAndPack(task, uncached, { fresh: false, cached: true })).packed.outline).toBe(true);
  });
});
