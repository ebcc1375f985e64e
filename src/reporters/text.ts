import pc from "picocolors";
import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { plural } from "../util/text.js";

export interface TextOptions {
  /** Decided by the caller from the terminal and NO_COLOR/FORCE_COLOR; never sniffed here. */
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const SEVERITY_COLOR: Record<Severity, keyof Colors> = { error: "red", warning: "yellow", info: "cyan" };

/**
 * Findings grouped by article, then locale; each line starts with `file:line:col`, which
 * terminals and editors turn into a link. Ends with a one-line summary.
 */
export function formatText(report: Report, options: TextOptions): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  let article: string | undefined;
  let locale: string | undefined;
  for (const finding of report.findings) {
    if (finding.article !== article) {
      if (article !== undefined) lines.push("");
      article = finding.article;
      locale = undefined;
      // Findings about the whole run (history) have no article.
      lines.push(colors.bold(colors.underline(article === "" ? "(whole tree)" : printable(article))));
    }
    if (finding.locale !== locale) {
      locale = finding.locale;
      lines.push(`  ${colors.bold(printable(locale))}`);
    }
    lines.push(`    ${formatLine(finding, colors)}`);
  }
  if (lines.length > 0) lines.push("");
  lines.push(summaryLine(report, colors));
  return `${lines.join("\n")}\n`;
}

function formatLine(finding: Finding, colors: Colors): string {
  const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
  const severity = colors[SEVERITY_COLOR[finding.severity]] as (text: string) => string;
  const known = finding.suppression === "known" ? `  ${colors.dim("(in baseline)")}` : "";
  return `${printable(place)}  ${severity(finding.severity.padEnd(7))}  ${printable(finding.message)}  ${colors.dim(finding.ruleId)}${known}`;
}

/** C0 and C1 controls and line separators, which could move the cursor or recolour a terminal. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Document text and file names as a terminal can show them harmlessly: a heading or file name
 * holding an escape sequence must not rewrite a CI log, nor a newline split a finding's line.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}

export function summaryLine(report: Report, colors: Colors = pc.createColors(false)): string {
  const { counts, articles, locales } = report.summary;
  const total = counts.error + counts.warning + counts.info;
  const scope = `${plural(articles, "article")} × ${plural(locales, "locale")}`;
  if (total === 0) return colors.green(`✔ no drift in ${scope}`);
  const parts = `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info`;
  const mark = counts.error > 0 ? colors.red("✖") : colors.yellow("⚠");
  const baseline = report.suppressions ? `; ${report.suppressions.new} new, ${report.suppressions.known} in the baseline, ${report.suppressions.fixed.length} fixed` : "";
  return `${mark} ${plural(total, "finding")} (${parts}) in ${scope}${baseline}`;
}
