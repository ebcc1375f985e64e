import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../src/reporters/github.js";
import { edgeReport, HOSTILE_TITLE } from "../support/reports.js";

describe("formatGithub", () => {
  it("annotates only new translation errors under suppressions, then the summary", () => {
    // fr's missing-section is a new error; its link-drift is known; the orphan and sv's stale-source are upstream.
    const lines = formatGithub(edgeReport()).trimEnd().split("\n");
    expect(lines).toEqual([
      `::error file=locales/fr/guide/setup.md,line=3,col=1,title=missing-section (fr)::Section \`${HOSTILE_TITLE.replace("%0A", "%250A")}\` (\`#setup\`) is missing; add it after \`Intro\` (\`#intro\`), as in the source.`,
      "✖ 1 broken, 1 outdated, 1 missing of 3 translations; 4 findings (1 error, 2 warnings, 1 info) in 1 article × 3 locales; 2 new, 2 known, 0 fixed",
    ]);
  });

  it("annotates every translation error without suppressions, never upstream work, info as notice", () => {
    const report = edgeReport();
    const findings = report.findings.map(({ suppression: _, ...finding }) => finding);
    // An info translation error (a machine translation) on the broken fr: a notice, and an upstream warning on it stays out.
    findings.push(
      { ...findings[0]!, ruleId: "machine-translated", messageId: "machine", severity: "info", line: 1, column: 1, key: "document", message: "Machine translated.", fingerprint: "0323456789abcdef0123456789abcdef" },
      { ...findings[3]!, locale: "fr", file: "locales/fr/guide/setup.md", fingerprint: "0423456789abcdef0123456789abcdef" },
    );
    const { suppressions: _, ...rest } = report;
    const fr = { ...rest.articles[0]!.translations[0]!, reasons: [...rest.articles[0]!.translations[0]!.reasons, "0323456789abcdef0123456789abcdef"] };
    const lines = formatGithub({ ...rest, findings, articles: [{ ...rest.articles[0]!, translations: [fr, ...rest.articles[0]!.translations.slice(1)] }] }).trimEnd().split("\n");
    expect(lines.map((line) => (line.startsWith("::") ? line.slice(0, line.indexOf("::", 2)) : line))).toEqual([
      "::error file=locales/fr/guide/setup.md,line=3,col=1,title=missing-section (fr)",
      "::warning file=locales/fr/guide/setup.md,line=7,col=4,title=link-drift (fr)",
      "::notice file=locales/fr/guide/setup.md,line=1,col=1,title=machine-translated (fr)",
      "✖ 1 broken, 1 outdated, 1 missing of 3 translations; 4 findings (1 error, 2 warnings, 1 info) in 1 article × 3 locales",
    ]);
    expect(lines[1]).toBe("::warning file=locales/fr/guide/setup.md,line=7,col=4,title=link-drift (fr)::`Introduction` has no link to `https://example.com/a|b?x=1,y:2`; expected one, 100%25 as in the source.");
  });

  it("annotates an error outside any translation (a source file) and keeps control characters out of the log", () => {
    const report = edgeReport();
    const source = { ...report.findings[0]!, ruleId: "encoding", locale: "en", file: "articles/guide/\u001b[2Jsetup.md", message: "Damaged\r\ntext \u001b[31m here.", fingerprint: "4123456789abcdef0123456789abcdef", suppression: "new" as const };
    const lines = formatGithub({ ...report, findings: [source] }).trimEnd().split("\n");
    expect(lines[0]).toBe("::error file=articles/guide/\\u{1b}[2Jsetup.md,line=3,col=1,title=encoding (en)::Damaged%0D%0Atext \\u{1b}[31m here.");
    expect(lines).toHaveLength(2);
  });

  it("escapes as the Actions toolkit does", () => {
    expect(escapeData("100% a:b,c\r\nd")).toBe("100%25 a:b,c%0D%0Ad");
    expect(escapeProperty("100% a:b,c\r\nd")).toBe("100%25 a%3Ab%2Cc%0D%0Ad");
    // `%` first, so an escape already in the text is not decoded by the runner.
    expect(escapeData("%0A")).toBe("%250A");
  });
});
