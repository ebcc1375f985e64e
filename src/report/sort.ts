import type { Finding } from "../model/finding.js";
import { compareText } from "../util/compare-text.js";

/**
 * Findings in report order: article, locale, file, line, column, rule, message. Code-unit
 * comparison throughout, so the order is the same on every machine and for every worker count.
 */
function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.article, b.article) ||
    compareText(a.locale, b.locale) ||
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.anchor ?? "", b.anchor ?? "")
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
