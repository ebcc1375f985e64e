import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import type { ArticleOutline, Report } from "../../src/model/report.js";
import { escapeMarkdown, messageToMarkdown } from "../../src/reporters/escape.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { edgeReport, HOSTILE_TITLE } from "../support/reports.js";

/**
 * A report of `articles` articles, each with a broken fr translation of `perArticle` long
 * findings and an outdated sv one, read without known findings.
 */
function largeReport(articles: number, perArticle: number): Report {
  const { suppressions: _, ...base } = edgeReport();
  const [fr, ja, sv] = base.articles[0]!.translations;
  const findings: Finding[] = [];
  const outlines: ArticleOutline[] = [];
  for (let index = 0; index < articles; index++) {
    const article = `guide/article-${String(index).padStart(4, "0")}.md`;
    const reasons: string[] = [];
    for (let line = 1; line <= perArticle; line++) {
      const fingerprint = `${String(index).padStart(4, "0")}${String(line).padStart(4, "0")}`.padEnd(32, "0");
      const { suppression: __, ...finding } = base.findings[0]!;
      findings.push({ ...finding, article, file: `locales/fr/${article}`, line, fingerprint });
      reasons.push(fingerprint);
    }
    outlines.push({ ...base.articles[0]!, article, file: `articles/${article}`, translations: [{ ...fr!, file: `locales/fr/${article}`, reasons }, ja!, { ...sv!, file: `locales/sv/${article}`, reasons: [] }] });
  }
  return { ...base, findings, articles: outlines };
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("formatMarkdown", () => {
  it("escapes document text so no markup, cell separator, entity or control character survives", () => {
    const markdown = formatMarkdown(edgeReport());
    expect(markdown).not.toContain("<script");
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("<b>gone");
    expect(markdown).not.toContain("</script>");
    expect(markdown).not.toContain("*bold*");
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // Each finding row (two in fr's block, two known) has exactly the four cells of the header.
    const rows = markdown.split("\n").filter((line) => line.startsWith("| locales/"));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.match(/\|/g)).toHaveLength(5);
    expect(rows[3]).toBe("| locales/fr/old/&#60;b&#62;gone&#60;/b&#62; &#124; &#96;x&#96; a:b,c %0A.md:1:1 | ℹ info | orphan-translation | Line one line two &#92;u{1b}&#91;31mred |");
    expect(escapeMarkdown(HOSTILE_TITLE)).toBe(
      "Setup &#60;script&#62;window.&#95;&#95;pwned = 1&#60;/script&#62; &#60;img src=x onerror=\"window.&#95;&#95;pwned = 2\"&#62; &#42;bold&#42; &#124; pipe &#96;tick&#96; &#60;/script&#62;&#60;!-- &#38; %0A",
    );
    expect(messageToMarkdown("Section `a|b` is missing")).toBe("Section <code>a&#124;b</code> is missing");
    expect(messageToMarkdown("line\r\nbreak\u001b[2J\u0085")).toBe("line break&#92;u{1b}&#91;2J&#92;u{85}");
  });

  it("leads with the states per locale, then the broken translation marked new, the outdated one's work, known findings and missing pages", () => {
    const markdown = formatMarkdown(edgeReport());
    const headings = markdown.split("\n").filter((line) => /^#|^<summary>/.test(line));
    expect(headings).toEqual([
      "# Translation drift",
      "## Broken translations (1)",
      "<summary><b>new</b> <b>fr</b> <code>locales/fr/guide/setup.md</code>: 1 error, 1 warning</summary>",
      "## Outdated translations (1)",
      "<summary>2 known findings (in the known-findings file)</summary>",
      "### Missing",
    ]);
    expect(markdown).toContain("| fr | 0 | 0 | 1 | 0 | 50% |\n| ja | 0 | 0 | 0 | 1 | 0% |\n| sv | 0 | 1 | 0 | 0 | 100% |\n");
    expect(markdown).toContain("| locales/fr/guide/setup.md:3:1 | ✖ error | missing-section | **new** Section <code>Setup ");
    expect(markdown).toContain(
      "\n- **sv** <code>locales/sv/guide/setup.md</code>: 2 commits (9 lines) behind since 2026-01-02: changed <code>#setup</code>; front matter <code>title</code>; includes <code>includes/&#60;b&#62;note&#60;/b&#62;&#124;x.md</code>\n",
    );
    expect(markdown).toContain("\n- **ja**: 1 of 1 page not translated (<code>l10n-drift status --state missing --locale ja</code> lists them)\n");
    expect(markdown).not.toContain("more ");
  });

  it("shows every broken and outdated translation when they fit", () => {
    const markdown = formatMarkdown(largeReport(3, 4));
    expect(count(markdown, /<details>/g)).toBe(3);
    expect(count(markdown, /^\| locales\/fr\//gm)).toBe(12);
    expect(count(markdown, /^- \*\*sv\*\* /gm)).toBe(3);
    expect(markdown).not.toContain("not shown");
  });

  it("stops under the limit, cutting between translations, and says how many of each it left out", () => {
    const report = largeReport(400, 10);
    const markdown = formatMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    const blocks = count(markdown, /<details>/g);
    expect(blocks).toBeGreaterThan(5);
    expect(blocks).toBeLessThan(400);
    // Whole blocks only: every shown block has all its 10 rows and is closed.
    expect(count(markdown, /^\| locales\/fr\//gm)).toBe(blocks * 10);
    expect(count(markdown, /<\/details>/g)).toBe(blocks);
    expect(markdown).toContain(`**${400 - blocks} more broken translations** not shown`);
    const outdated = count(markdown, /^- \*\*sv\*\* /gm);
    expect(markdown).toContain(`**${400 - outdated} more outdated translations** not shown`);
    // The states table, the most important part, is always there.
    expect(markdown).toContain("| sv | 0 | 1 | 0 | 0 | 100% |");
  });

  it("honours a smaller limit exactly", () => {
    for (const maxLength of [2_000, 5_000, 20_000]) {
      const markdown = formatMarkdown(largeReport(20, 20), { maxLength });
      expect(markdown.length).toBeLessThanOrEqual(maxLength);
      expect(markdown).toMatch(/\*\*\d+ more broken translations\*\* not shown/);
      expect(count(markdown, /<details>/g)).toBe(count(markdown, /<\/details>/g));
    }
  });
});
