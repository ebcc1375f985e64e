import { describe, expect, it } from "vitest";
import type { LocaleSummary, Report } from "../../src/model/report.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { edgeReport } from "../support/reports.js";

/** A file name and a heading that try every way out of their cell, `<code>` or `<summary>`. */
const HOSTILE_NAME = "locales/fr/a\n\n# Heading\n**bold** [link](https://evil.example) ![img](x)\n\n.md";
const HOSTILE_HEADING = "Set up \\` @octocat @org/team #1 GH-2 owner/repo#3 https://evil.example www.evil.example mail@evil.example \\`";

function hostileReport(): Report {
  const report = edgeReport();
  const [first, ...rest] = report.findings;
  const finding = { ...first!, file: HOSTILE_NAME, message: `Section \`${HOSTILE_HEADING}\` (\`#setup\`) is missing; add it after \`Intro\` (\`#intro\`), as in the source.` };
  const articles = report.articles.map((article) => ({
    ...article,
    translations: article.translations.map((translation) => (translation.locale === "fr" ? { ...translation, file: HOSTILE_NAME } : translation)),
  }));
  return { ...report, findings: [finding, ...rest], articles };
}

describe("the Markdown report with hostile names", () => {
  it("no interpolated value becomes a heading, a line, a mention, a reference or a link (golden lines)", () => {
    const markdown = formatMarkdown(hostileReport());
    const lines = markdown.split("\n");
    expect(lines.filter((line) => line.startsWith("#"))).toEqual(["# Translation drift", "## Broken translations (1)", "## Outdated translations (1)", "### Missing"]);
    const zwsp = "\u200b";
    expect(lines.find((line) => line.startsWith("<summary>") && line.includes("locales/fr"))).toBe(
      `<summary><b>new</b> <b>fr</b> <code>locales/fr/a\\u{a}\\u{a}# Heading\\u{a}**bold** [link](https${zwsp}://evil.example) ![img](x)\\u{a}\\u{a}.md</code>: 1 error, 1 warning</summary>`,
    );
    expect(lines.find((line) => line.includes("missing-section"))).toBe(
      `| locales/fr/a # Heading &#42;&#42;bold&#42;&#42; &#91;link&#93;(https${zwsp}://evil.example) !&#91;img&#93;(x) .md:3:1 | ✖ error | missing-section | **new** Section <code>Set up &#92;</code> @${zwsp}octocat @${zwsp}org/team #${zwsp}1 GH-${zwsp}2 owner/repo#${zwsp}3 https${zwsp}://evil.example www${zwsp}.evil.example mail@${zwsp}evil.example &#92;<code></code> (<code>#setup</code>) is missing; add it after <code>Intro</code> (<code>#intro</code>), as in the source. |`,
    );
    // Outside what the tool itself writes, nothing GitHub would link or notify remains.
    expect(markdown).not.toMatch(/@[a-z]|(?<!&)#\d|GH-\d|https?:\/\/|www\./i);
  });
});

describe("the Markdown report's size", () => {
  it("stays within its budget with 2,000 locales", () => {
    const report = edgeReport();
    const template = report.summary.byLocale.ja!;
    const byLocale: Record<string, LocaleSummary> = {};
    for (let index = 0; index < 2000; index++) byLocale[`locale-${String(index).padStart(4, "0")}`] = template;
    const markdown = formatMarkdown({ ...report, summary: { ...report.summary, locales: 2000, byLocale } });
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain("more locales** not shown");
  });
});
