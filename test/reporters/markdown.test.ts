import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { escapeMarkdown, messageToMarkdown } from "../../src/reporters/escape.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { edgeReport, HOSTILE_TITLE } from "../support/reports.js";

/** A report of `articles` articles with `perArticle` long findings each. */
function largeReport(articles: number, perArticle: number): Report {
  const base = edgeReport();
  const findings: Finding[] = [];
  for (let article = 0; article < articles; article++) {
    for (let index = 0; index < perArticle; index++) {
      findings.push({ ...base.findings[0]!, article: `guide/article-${String(article).padStart(4, "0")}.md`, line: index + 1 });
    }
  }
  return { ...base, findings };
}

describe("formatMarkdown", () => {
  it("escapes document text so no markup, cell separator or entity survives", () => {
    const markdown = formatMarkdown(edgeReport());
    expect(markdown).not.toContain("<script");
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("</script>");
    expect(markdown).not.toContain("*bold*");
    // Each finding row has exactly the five cells of the header.
    const rows = markdown.split("\n").filter((line) => /^\| (fr|ja) \| (locales|articles)\//.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(escapeMarkdown(HOSTILE_TITLE)).toBe(
      "Setup &#60;script&#62;window.&#95;&#95;pwned = 1&#60;/script&#62; &#60;img src=x onerror=\"window.&#95;&#95;pwned = 2\"&#62; &#42;bold&#42; &#124; pipe &#96;tick&#96; &#60;/script&#62;&#60;!-- &#38; %0A",
    );
    expect(messageToMarkdown("Section `a|b` is missing")).toBe("Section <code>a&#124;b</code> is missing");
    expect(messageToMarkdown("line\r\nbreak")).toBe("line break");
  });

  it("shows every finding in collapsible blocks when they fit", () => {
    const markdown = formatMarkdown(largeReport(3, 4));
    expect(markdown.match(/<details>/g)).toHaveLength(3);
    expect(markdown.match(/^\| fr \| locales\//gm)).toHaveLength(12);
    expect(markdown).not.toContain("more finding");
  });

  it("stops under the limit and says how many findings it left out", () => {
    const report = largeReport(400, 50);
    const markdown = formatMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    const shown = markdown.match(/^\| fr \| locales\//gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(100);
    expect(markdown).toContain(`**${report.findings.length - shown} more findings** not shown`);
    // Every opened block is closed, the cut one included.
    expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });

  it("honours a smaller limit exactly", () => {
    for (const maxLength of [2_000, 5_000, 20_000]) {
      const markdown = formatMarkdown(largeReport(20, 20), { maxLength });
      expect(markdown.length).toBeLessThanOrEqual(maxLength);
      expect(markdown).toMatch(/\*\*\d+ more findings\*\* not shown/);
    }
  });
});
