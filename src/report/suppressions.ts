import { DriftError } from "../errors.js";
import type { Finding } from "../model/finding.js";
import type { Report, SuppressionSummary } from "../model/report.js";
import { compareText } from "../util/compare-text.js";

/**
 * Suppressions: the file of known findings that `check` does not fail on, so a tree full of old
 * drift can adopt the tool and still fail on new problems. Not a *baseline*, which in this project
 * is only the source version a translation was made from.
 */
export const SUPPRESSIONS_FILE = ".l10n-drift-baseline.json";

/** One known finding, as the suppressions file records it: enough to match it and for a person to read. */
export interface KnownFinding {
  fingerprint: string;
  ruleId: string;
  locale: string;
  article: string;
  anchor?: string;
  message: string;
}

export interface SuppressionsFile {
  schemaVersion: 1;
  findings: KnownFinding[];
}

/** How a report's findings compare with the suppressions; the report's `suppressions` field. */
export type SuppressionOutcome = SuppressionSummary;

/** Today's findings as known findings, so adopting the tool on a repo full of old drift starts green. */
export function createSuppressions(report: Report): SuppressionsFile {
  const findings = report.findings.map(toKnownFinding).sort(compareKnown);
  return { schemaVersion: 1, findings };
}

/**
 * Marks each finding `known` or `new` against the suppressions and lists the known findings that
 * are fixed. Fingerprints can repeat (the same problem twice in a section), so they are matched as
 * a multiset.
 */
export function applySuppressions(report: Report, suppressions: SuppressionsFile, file: string): Report & { suppressions: SuppressionOutcome } {
  const remaining = new Map<string, KnownFinding[]>();
  for (const entry of suppressions.findings) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  let known = 0;
  const findings: Finding[] = report.findings.map((finding) => {
    const matches = remaining.get(finding.fingerprint);
    if (matches && matches.length > 0) {
      matches.shift();
      known++;
      return { ...finding, suppression: "known" };
    }
    return { ...finding, suppression: "new" };
  });
  const fixed = [...remaining.values()].flat().sort(compareKnown);
  return { ...report, findings, suppressions: { file, known, new: findings.length - known, fixed } };
}

export function parseSuppressions(text: string, file: string): SuppressionsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not valid JSON; record it again with \`l10n-drift baseline\``);
  }
  const suppressions = value as Partial<SuppressionsFile>;
  if (suppressions.schemaVersion !== 1 || !Array.isArray(suppressions.findings) || !suppressions.findings.every((entry) => typeof entry?.fingerprint === "string")) {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not an l10n-drift file of known findings (schema version 1); record it again with \`l10n-drift baseline\``);
  }
  return suppressions as SuppressionsFile;
}

function toKnownFinding(finding: Finding): KnownFinding {
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    locale: finding.locale,
    article: finding.article,
    ...(finding.anchor !== undefined && { anchor: finding.anchor }),
    message: finding.message,
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
