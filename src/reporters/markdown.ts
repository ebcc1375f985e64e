import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { escapeHtml, escapeMarkdown, messageToMarkdown } from "./escape.js";
import { summaryLine } from "./text.js";

export interface MarkdownOptions {
  /** Most characters the report may have; GitHub refuses comments over 65,536. */
  maxLength: number;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { maxLength: 65_000 };

const SEVERITY_MARK: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

/**
 * A report for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the summary per locale, then one
 * collapsible block per article with its findings. Findings that do not fit in `maxLength` are
 * left out and counted in a closing note, so a large run still gives a comment GitHub accepts.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): string {
  const head = [...summarySection(report), ""].join("\n");
  const blocks: string[] = [];
  let length = head.length;
  let shown = 0;
  for (const [article, findings] of groupByArticle(report.findings.filter((finding) => finding.article !== ""))) {
    const { block, count } = articleBlock(article, findings, options.maxLength - length - omissionNote(report.findings.length).length);
    if (count === 0) break;
    blocks.push(block);
    length += block.length;
    shown += count;
    if (count < findings.length) break;
  }
  const omitted = report.findings.length - shown;
  return `${head}${blocks.join("")}${omitted > 0 ? omissionNote(omitted) : ""}`;
}

function summarySection(report: Report): string[] {
  const lines = ["# Translation drift", "", summaryLine(report), "", "| locale | translations | errors | warnings | info | section coverage |", "|---|---:|---:|---:|---:|---:|"];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    const { error, warning, info } = summary.counts;
    lines.push(`| ${escapeMarkdown(locale)} | ${summary.translations}/${summary.articles} | ${error} | ${warning} | ${info} | ${summary.coveragePercent}% |`);
  }
  // Findings about the whole run (how history went) are not per locale: say them under the table.
  const runFindings = report.findings.filter((finding) => finding.article === "");
  if (runFindings.length > 0) lines.push("", ...runFindings.map((finding) => `- ${finding.severity}: ${messageToMarkdown(finding.message)} (\`${escapeMarkdown(finding.ruleId)}\`)`));
  return lines;
}

/** The article's block with as many of its findings as fit in `budget` characters. */
function articleBlock(article: string, findings: readonly Finding[], budget: number): { block: string; count: number } {
  const open = ["", "<details>", `<summary><code>${escapeHtml(article)}</code>: ${escapeHtml(countsText(findings))}</summary>`, "", "| locale | place | severity | rule | message |", "|---|---|---|---|---|", ""].join("\n");
  // A blank line ends the table before `</details>`, which GitHub would otherwise read as a row.
  const close = "\n</details>\n";
  let block = open;
  let count = 0;
  for (const finding of findings) {
    const row = `${findingRow(finding)}\n`;
    if (block.length + row.length + close.length > budget) break;
    block += row;
    count++;
  }
  return { block: `${block}${close}`, count };
}

function findingRow(finding: Finding): string {
  const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
  return `| ${escapeMarkdown(finding.locale)} | ${escapeMarkdown(place)} | ${SEVERITY_MARK[finding.severity]} ${finding.severity} | ${escapeMarkdown(finding.ruleId)} | ${messageToMarkdown(finding.message)} |`;
}

function omissionNote(omitted: number): string {
  return `\n**${omitted} more finding${omitted === 1 ? "" : "s"}** not shown: this report stops at GitHub's size limit. \`drift.json\`, \`drift.sarif\` and \`index.html\` have them all.\n`;
}

function countsText(findings: readonly Finding[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return (Object.entries(counts) as Array<[Severity, number]>)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity === "info" ? "info" : `${severity}${count === 1 ? "" : "s"}`}`)
    .join(", ");
}

/** Findings are sorted by article already; this keeps that order. */
function groupByArticle(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.article);
    if (group) group.push(finding);
    else groups.set(finding.article, [finding]);
  }
  return groups;
}
