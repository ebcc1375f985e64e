import type { Report } from "../model/report.js";
import { summaryLine } from "./text.js";

/** A Markdown summary for pull requests and job summaries. */
export function formatMarkdown(report: Report): string {
  const lines = ["# Translation drift", "", summaryLine(report), "", "| locale | translations | errors | warnings | info | section coverage |", "|---|---:|---:|---:|---:|---:|"];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    const { error, warning, info } = summary.counts;
    lines.push(`| ${locale} | ${summary.translations}/${summary.articles} | ${error} | ${warning} | ${info} | ${summary.coveragePercent}% |`);
  }
  // Findings about the whole run (how history went) are not per locale: say them under the table.
  const runFindings = report.findings.filter((finding) => finding.article === "");
  if (runFindings.length > 0) lines.push("", ...runFindings.map((finding) => `- ${finding.severity}: ${finding.message} (\`${finding.ruleId}\`)`));
  return `${lines.join("\n")}\n`;
}
