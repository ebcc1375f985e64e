import type { Finding, Severity } from "../model/finding.js";
import type { Report, TranslationOutline } from "../model/report.js";
import { escapeHtml as escapeHtmlText, escapeMarkdown, messageToMarkdown, visibleControls, withoutGitHubReferences } from "./escape.js";
import { plural } from "../util/text.js";
import { brokenReasons, changeLines, describeWork, judgedLocales, summaryLine } from "./text.js";
import { findingsOutsideTranslations } from "./translation-errors.js";

export interface MarkdownOptions {
  /** Most characters the report may have; GitHub refuses comments over 65,536. */
  maxLength: number;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { maxLength: 65_000 };

/** HTML text in the Markdown (`<summary>`), control characters made visible as in table cells. */
function escapeHtml(text: string): string {
  return escapeHtmlText(withoutGitHubReferences(visibleControls(text)));
}

const SEVERITY_MARK: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

/** One part of the report: its lines are shown in order, as many as the budget allows. */
interface Part {
  /** Heading and table header, shown only with at least one item. */
  head: string[];
  items: string[];
  /** Closes the part (a `</details>`), always after its items. */
  tail?: string[];
  /** What the items are, for the note when some do not fit ("translations", "findings"). */
  noun: string;
}

/**
 * A report for a pull-request comment or `$GITHUB_STEP_SUMMARY`, led by the verdict: the states
 * per locale, then the broken translations with their errors (**new** ones marked when a file of
 * known findings is used), the outdated ones one line each, problems in the sources, notes, the
 * known findings collapsed, and the missing pages per locale. The whole document fits in
 * `maxLength`: when it must be shortened, the least important parts go first (missing pages,
 * then known findings, notes, outdated lines, source problems, broken translations), each cut
 * between items, never inside one, with a line saying how many were left out.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): string {
  const known = report.findings.filter((finding) => finding.suppression === "known");
  const { broken, outdated } = translationParts(report);
  const outside = findingsOutsideTranslations(report);
  const parts: Record<"head" | "broken" | "sources" | "outdated" | "notes" | "known" | "missing", Part> = {
    head: headPart(report),
    broken,
    sources: findingTable("Sources and orphans", outside.filter((finding) => finding.article !== "" && finding.suppression !== "known")),
    outdated,
    notes: { head: ["", "### Notes", ""], items: outside.filter((finding) => finding.article === "").map((finding) => `- ${finding.severity}: ${messageToMarkdown(finding.message)} (\`${escapeMarkdown(finding.ruleId)}\`)`), noun: "notes" },
    known: collapsed(`${known.length} known finding${known.length === 1 ? "" : "s"} (in the known-findings file)`, known),
    missing: { head: ["", "### Missing", ""], items: missingItems(report), noun: "locales" },
  };
  // Most important first: what is given budget first.
  const priority: Array<keyof typeof parts> = ["head", "broken", "sources", "outdated", "notes", "known", "missing"];
  const display: Array<keyof typeof parts> = ["head", "broken", "outdated", "sources", "notes", "known", "missing"];
  const shown = new Map<keyof typeof parts, number>();
  // Room for the note of every part that might be cut, so the notes never push the text over.
  let remaining = options.maxLength - priority.reduce((sum, name) => sum + omissionLine(parts[name].items.length, parts[name].noun).length + 1, 1);
  for (const name of priority) {
    const part = parts[name];
    let used = joinedLength([...part.head, ...(part.tail ?? [])]);
    let count = 0;
    for (const item of part.items) {
      if (used + item.length + 1 > remaining) break;
      used += item.length + 1;
      count++;
    }
    if (count > 0) remaining -= used;
    shown.set(name, count);
  }
  const lines: string[] = [];
  const notes: string[] = [];
  for (const name of display) {
    const part = parts[name];
    const count = shown.get(name) ?? 0;
    if (count > 0) lines.push(...part.head, ...part.items.slice(0, count), ...(part.tail ?? []));
    if (count < part.items.length) notes.push(omissionLine(part.items.length - count, part.noun));
  }
  const text = `${[...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n")}\n`;
  return text;
}

function headPart(report: Report): Part {
  const change = changeLines(report).map(messageToMarkdown);
  const head = ["# Translation drift", "", escapeMarkdown(summaryLine(report)), "", ...change.flatMap((line) => [line, ""]), "| locale | current | outdated | broken | missing | section coverage |", "|---|---:|---:|---:|---:|---:|"];
  const items = judgedLocales(report).map(([locale, summary]) => {
    const { current, outdated, broken, missing } = summary.states;
    return `| ${escapeMarkdown(locale)} | ${current} | ${outdated} | ${broken} | ${missing} | ${summary.coveragePercent}% |`;
  });
  return { head, items, noun: "locales" };
}

function translationParts(report: Report): { broken: Part; outdated: Part } {
  const broken: string[] = [];
  const outdated: string[] = [];
  let brokenCount = 0;
  let outdatedCount = 0;
  const reasonsOf = brokenReasons(report);
  for (const article of report.articles) {
    for (const translation of article.translations) {
      if (translation.state === "broken") {
        brokenCount++;
        broken.push(brokenBlock(translation, reasonsOf(article.article, translation)));
      } else if (translation.state === "outdated") {
        outdatedCount++;
        outdated.push(`- **${escapeMarkdown(translation.locale)}** <code>${escapeMarkdown(translation.file)}</code>: ${messageToMarkdown(describeWork(translation.work))}`);
      }
    }
  }
  return {
    broken: { head: ["", `## Broken translations (${brokenCount})`, "", "Translation errors: the translation disagrees with the source version it was made from."], items: broken, noun: "broken translations" },
    outdated: { head: ["", `## Outdated translations (${outdatedCount})`, "", "The source changed since they were translated: work to schedule, not errors.", ""], items: outdated, noun: "outdated translations" },
  };
}

function brokenBlock(translation: TranslationOutline, findings: readonly Finding[]): string {
  const anyNew = findings.some((finding) => finding.suppression === "new");
  const summary = `${anyNew ? "<b>new</b> " : ""}<b>${escapeHtml(translation.locale)}</b> <code>${escapeHtml(translation.file)}</code>: ${escapeHtml(countsText(findings))}${translation.outdated ? " (also outdated)" : ""}`;
  // A blank line ends the table before `</details>`, which GitHub would otherwise read as a row.
  return ["", "<details>", `<summary>${summary}</summary>`, "", "| place | severity | rule | message |", "|---|---|---|---|", ...findings.map(findingRow), "", "</details>"].join("\n");
}

function findingTable(title: string, findings: readonly Finding[]): Part {
  return { head: ["", `### ${title} (${findings.length})`, "", "| place | severity | rule | message |", "|---|---|---|---|"], items: findings.map(findingRow), tail: [""], noun: "findings" };
}

function collapsed(title: string, findings: readonly Finding[]): Part {
  return { head: ["", "<details>", `<summary>${escapeHtml(title)}</summary>`, "", "| place | severity | rule | message |", "|---|---|---|---|"], items: findings.map(findingRow), tail: ["", "</details>"], noun: "known findings" };
}

function findingRow(finding: Finding): string {
  const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
  const marker = finding.suppression === "new" ? "**new** " : "";
  return `| ${escapeMarkdown(place)} | ${SEVERITY_MARK[finding.severity]} ${finding.severity} | ${escapeMarkdown(finding.ruleId)} | ${marker}${messageToMarkdown(finding.message)} |`;
}

function missingItems(report: Report): string[] {
  return Object.entries(report.summary.byLocale)
    .filter(([, summary]) => summary.states.missing > 0)
    .map(([locale, summary]) => `- **${escapeMarkdown(locale)}**: ${summary.states.missing} of ${plural(summary.articles, "page")} not translated (<code>l10n-drift status --state missing --locale ${escapeMarkdown(locale)}</code> lists them)`);
}


function omissionLine(omitted: number, noun: string): string {
  return `**${omitted} more ${noun}** not shown: this report stops at GitHub's size limit. \`drift.json\`, \`drift.sarif\` and \`index.html\` have them all.`;
}

function joinedLength(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}

function countsText(findings: readonly Finding[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return (Object.entries(counts) as Array<[Severity, number]>)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity === "info" ? "info" : `${severity}${count === 1 ? "" : "s"}`}`)
    .join(", ");
}
