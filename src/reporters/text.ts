import pc from "picocolors";
import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";

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
      lines.push(colors.bold(colors.underline(article === "" ? "(whole tree)" : article)));
    }
    if (finding.locale !== locale) {
      locale = finding.locale;
      lines.push(`  ${colors.bold(locale)}`);
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
  return `${place}  ${severity(finding.severity.padEnd(7))}  ${finding.message}  ${colors.dim(finding.ruleId)}`;
}

export function summaryLine(report: Report, colors: Colors = pc.createColors(false)): string {
  const { counts, articles, locales } = report.summary;
  const total = counts.error + counts.warning + counts.info;
  const scope = `${plural(articles, "article")} × ${plural(locales, "locale")}`;
  if (total === 0) return colors.green(`✔ no drift in ${scope}`);
  const parts = `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info`;
  const mark = counts.error > 0 ? colors.red("✖") : colors.yellow("⚠");
  return `${mark} ${plural(total, "finding")} (${parts}) in ${scope}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
