import type { Report } from "../model/report.js";
import { summaryLine } from "./text.js";

/** A Markdown summary for pull requests and job summaries. */
export function formatMarkdown(report: Report): string {
  const lines = ["# Translation drift", "", summaryLine(report), "", "| locale | translations | errors | warnings | info | section coverage |", "|---|---:|---:|---:|---:|---:|"];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    const { error, warning, info } = summary.counts;
    lines.push(`| ${locale} | ${summary.translations}/${summary.articles} | ${error} | ${warning} | ${info} | ${summary.coveragePercent}% |`);
  }
  return `${lines.join("\n")}\n`;
}
