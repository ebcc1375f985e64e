import { DriftError } from "../errors.js";
import { fingerprintV1, type Finding } from "../model/finding.js";
import type { Report, ReportScope, SuppressionSummary } from "../model/report.js";
import { compareText } from "../util/compare-text.js";
import { mapPacked } from "./packed.js";

/**
 * Suppressions: the file of known findings that `check` does not fail on, so a tree full of old
 * drift can adopt the tool and still fail on new problems. Not a *baseline*, which in this project
 * is only the source version a translation was made from.
 */
export const SUPPRESSIONS_FILE = ".l10n-drift-baseline.json";

/**
 * One known finding, as the suppressions file records it: its identity (v2: rule, article, locale,
 * anchor, messageId, key) and where it was (file, line), for a person reading the file. No message:
 * the file stays small and a reworded message changes nothing in it. Version 1 entries have the
 * message, which their fingerprints digest; version 2 files written with messages are still read.
 */
export interface KnownFinding {
  fingerprint: string;
  ruleId: string;
  messageId?: string;
  locale: string;
  article: string;
  anchor?: string;
  key?: string;
  file?: string;
  line?: number;
  /** Only in files of schema version 1 (and early version 2 files). */
  message?: string;
}

/**
 * Schema version 2 stores identity v2. Version 1 files (fingerprints of the message text) are still
 * read: each finding's v1 digest is recomputed to match them, so old debt stays known until the
 * file is recorded again.
 */
export interface SuppressionsFile {
  schemaVersion: 1 | 2;
  findings: KnownFinding[];
}

/** How a report's findings compare with the suppressions; the report's `suppressions` field. */
export type SuppressionOutcome = SuppressionSummary;

/** Today's findings as known findings, so adopting the tool on a repo full of old drift starts green. */
export function createSuppressions(report: Report): SuppressionsFile {
  const findings = report.findings.map(toKnownFinding).sort(compareKnown);
  return { schemaVersion: 2, findings };
}

/**
 * Marks each finding `known` or `new` against the suppressions and lists the known findings that
 * are fixed. Fingerprints can repeat (the same problem twice in a section), so they are matched as
 * a multiset. A narrowed run (`report.scope`: `--changed-since`, `--locale`) compares only within
 * what it checked: a known finding in an article or locale it did not check is neither matched
 * nor fixed, since nobody looked.
 */
export function applySuppressions(report: Report, suppressions: SuppressionsFile, file: string): Report & { suppressions: SuppressionOutcome } {
  const remaining = new Map<string, KnownFinding[]>();
  for (const entry of suppressions.findings) {
    const entries = remaining.get(entry.fingerprint);
    if (entries) entries.push(entry);
    else remaining.set(entry.fingerprint, [entry]);
  }
  const identity = suppressions.schemaVersion === 1 ? fingerprintV1 : (finding: Finding) => finding.fingerprint;
  let known = 0;
  const findings = mapPacked(report.findings, (finding): Finding => {
    const matches = remaining.get(identity(finding));
    if (matches && matches.length > 0) {
      matches.shift();
      known++;
      return { ...finding, suppression: "known" };
    }
    return { ...finding, suppression: "new" };
  });
  const checked = report.scope ? withinScope(report.scope) : () => true;
  const fixed = [...remaining.values()].flat().filter(checked).sort(compareKnown);
  const notice =
    suppressions.schemaVersion === 1
      ? `\`${file}\` is a schema version 1 file of known findings, matched by message; record it again with \`l10n-drift suppress\` so that rewording or a moved line cannot make a known finding new`
      : undefined;
  return { ...report, findings, suppressions: { file, known, new: findings.length - known, fixed, ...(notice !== undefined && { notice }) } };
}

/**
 * Whether a narrowed run checked what a known finding is about: its article is in the scope and
 * its locale is the source's (a problem of the source file) or one checked for that article.
 * Findings about the whole run (no article) depend on everything checked, so a narrowed run never
 * calls them fixed.
 */
export function withinScope(scope: ReportScope): (entry: Pick<KnownFinding, "article" | "locale">) => boolean {
  const articles = scope.articles && new Map(scope.articles.map((entry) => [entry.article, entry.locales]));
  const locales = new Set(scope.locales);
  return (entry) => {
    if (entry.article === "") return false;
    const concerned = articles ? articles.get(entry.article) : "all";
    if (concerned === undefined) return false;
    if (entry.locale === scope.sourceLocale) return true;
    return locales.has(entry.locale) && (concerned === "all" || concerned.includes(entry.locale));
  };
}

export function parseSuppressions(text: string, file: string): SuppressionsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not valid JSON; record it again with \`l10n-drift suppress\``);
  }
  const suppressions = value as Partial<SuppressionsFile>;
  if ((suppressions.schemaVersion !== 1 && suppressions.schemaVersion !== 2) || !Array.isArray(suppressions.findings) || !suppressions.findings.every((entry) => typeof entry?.fingerprint === "string")) {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not an l10n-drift file of known findings (schema version 1 or 2); record it again with \`l10n-drift suppress\``);
  }
  return suppressions as SuppressionsFile;
}

function toKnownFinding(finding: Finding): KnownFinding {
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    locale: finding.locale,
    article: finding.article,
    ...(finding.anchor !== undefined && { anchor: finding.anchor }),
    key: finding.key,
    file: finding.file,
    ...(finding.line !== undefined && { line: finding.line }),
  };
}

function compareKnown(a: KnownFinding, b: KnownFinding): number {
  return compareText(a.article, b.article) || compareText(a.locale, b.locale) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint);
}

// The names of 0.1, kept for one release so that callers can move at their pace.
/** @deprecated Use `SUPPRESSIONS_FILE`. */
export const BASELINE_FILE = SUPPRESSIONS_FILE;
/** @deprecated Use `KnownFinding`. */
export type BaselineEntry = KnownFinding;
/** @deprecated Use `SuppressionsFile`. */
export type BaselineFile = SuppressionsFile;
/** @deprecated Use `SuppressionOutcome`. */
export type BaselineOutcome = SuppressionOutcome;
/** @deprecated Use `createSuppressions`. */
export const createBaseline = createSuppressions;
/** @deprecated Use `applySuppressions`. */
export const applyBaseline = applySuppressions;
/** @deprecated Use `parseSuppressions`. */
export const parseBaseline = parseSuppressions;
