import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { visibleControls } from "./escape.js";
import { summaryLine } from "./text.js";
import { isNewError, translationErrors } from "./translation-errors.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request's files: one per translation error (new ones only, where known findings are used),
 * since Actions shows ten per step; upstream work is in the summary. Then the summary line.
 */
export function formatGithub(report: Report): string {
  const errors = translationErrors(report);
  const lines = report.findings.filter((finding) => isNewError(finding, errors)).map(annotation);
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}

function annotation(finding: Finding): string {
  const properties: Array<[string, string]> = [["file", finding.file]];
  if (finding.line !== undefined) properties.push(["line", String(finding.line)], ["col", String(finding.column ?? 1)]);
  properties.push(["title", `${finding.ruleId} (${finding.locale})`]);
  // Line breaks are the runner's to decode (%0A); any other control character is shown as text,
  // since the command is printed to the job's log.
  const list = properties.map(([key, value]) => `${key}=${visibleControls(escapeProperty(value))}`).join(",");
  return `::${COMMAND[finding.severity]} ${list}::${visibleControls(escapeData(finding.message))}`;
}

/** The runner's own escaping (actions/toolkit `escapeData`): a message stays one command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also escape the separators of the property list (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
