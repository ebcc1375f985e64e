import { DriftError } from "../errors.js";
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { compareText } from "../util/compare-text.js";

export const BASELINE_FILE = ".l10n-drift-baseline.json";

/** One known finding, as a baseline records it: enough to match it and for a person to read. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  locale: string;
  article: string;
  anchor?: string;
  message: string;
}

export interface BaselineFile {
  schemaVersion: 1;
  findings: BaselineEntry[];
}

export interface BaselineOutcome {
  file: string;
  known: number;
  new: number;
  /** Baseline entries no finding matched: drift fixed since the baseline was recorded. */
  fixed: BaselineEntry[];
}

/** Today's findings as a baseline, so adopting the tool on a repo full of old drift starts green. */
export function createBaseline(report: Report): BaselineFile {
  const findings = report.findings.map(toEntry).sort(compareEntries);
  return { schemaVersion: 1, findings };
}

/**
 * Marks each finding `known` or `new` against a baseline and lists what was fixed. Fingerprints
 * can repeat (the same problem twice in a section), so they are matched as a multiset.
 */
export function applyBaseline(report: Report, baseline: BaselineFile, file: string): Report & { baseline: BaselineOutcome } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  let known = 0;
  const findings: Finding[] = report.findings.map((finding) => {
    const matches = remaining.get(finding.fingerprint);
    if (matches && matches.length > 0) {
      matches.shift();
      known++;
      return { ...finding, baseline: "known" };
    }
    return { ...finding, baseline: "new" };
  });
  const fixed = [...remaining.values()].flat().sort(compareEntries);
  return { ...report, findings, baseline: { file, known, new: findings.length - known, fixed } };
}

export function parseBaseline(text: string, file: string): BaselineFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not valid JSON; record it again with \`l10n-drift baseline\``);
  }
  const baseline = value as Partial<BaselineFile>;
  if (baseline.schemaVersion !== 1 || !Array.isArray(baseline.findings) || !baseline.findings.every((entry) => typeof entry?.fingerprint === "string")) {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not an l10n-drift baseline (schema version 1); record it again with \`l10n-drift baseline\``);
  }
  return baseline as BaselineFile;
}

function toEntry(finding: Finding): BaselineEntry {
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    locale: finding.locale,
    article: finding.article,
    ...(finding.anchor !== undefined && { anchor: finding.anchor }),
    message: finding.message,
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.article, b.article) || compareText(a.locale, b.locale) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint);
}
