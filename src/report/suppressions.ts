import { DriftError } from "../errors.js";
import { fingerprintV1, type Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { compareText } from "../util/compare-text.js";

export const BASELINE_FILE = ".l10n-drift-baseline.json";

/**
 * One known finding, as a suppressions file records it: its identity (v2: rule, article, locale,
 * anchor, messageId, key; never the message) and, for a person reading the file, the message.
 */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  messageId?: string;
  locale: string;
  article: string;
  anchor?: string;
  key?: string;
  message: string;
}

/**
 * Schema version 2 stores identity v2. Version 1 files (fingerprints of the message text) are still
 * read: each finding's v1 digest is recomputed to match them, so old debt stays known until the
 * file is recorded again.
 */
export interface BaselineFile {
  schemaVersion: 1 | 2;
  findings: BaselineEntry[];
}

export interface BaselineOutcome {
  file: string;
  known: number;
  new: number;
  /** Entries no finding matched: drift fixed since the file was recorded. */
  fixed: BaselineEntry[];
  /** A one-line note for the user, such as that the file is of an older schema version. */
  notice?: string;
}

/** Today's findings as known findings, so adopting the tool on a repo full of old drift starts green. */
export function createBaseline(report: Report): BaselineFile {
  const findings = report.findings.map(toEntry).sort(compareEntries);
  return { schemaVersion: 2, findings };
}

/**
 * Marks each finding `known` or `new` against a suppressions file and lists what was fixed.
 * Fingerprints can repeat (the same problem twice in a section), so they are matched as a multiset.
 */
export function applyBaseline(report: Report, baseline: BaselineFile, file: string): Report & { baseline: BaselineOutcome } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  const identity = baseline.schemaVersion === 1 ? fingerprintV1 : (finding: Finding) => finding.fingerprint;
  let known = 0;
  const findings: Finding[] = report.findings.map((finding) => {
    const matches = remaining.get(identity(finding));
    if (matches && matches.length > 0) {
      matches.shift();
      known++;
      return { ...finding, baseline: "known" };
    }
    return { ...finding, baseline: "new" };
  });
  const fixed = [...remaining.values()].flat().sort(compareEntries);
  const notice =
    baseline.schemaVersion === 1
      ? `\`${file}\` is a schema version 1 baseline, matched by message; record it again with \`l10n-drift baseline\` so that rewording or a moved line cannot make a known finding new`
      : undefined;
  return { ...report, findings, baseline: { file, known, new: findings.length - known, fixed, ...(notice !== undefined && { notice }) } };
}

export function parseBaseline(text: string, file: string): BaselineFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not valid JSON; record it again with \`l10n-drift baseline\``);
  }
  const baseline = value as Partial<BaselineFile>;
  if ((baseline.schemaVersion !== 1 && baseline.schemaVersion !== 2) || !Array.isArray(baseline.findings) || !baseline.findings.every((entry) => typeof entry?.fingerprint === "string")) {
    throw new DriftError("CONFIG_INVALID", `\`${file}\` is not an l10n-drift baseline (schema version 1 or 2); record it again with \`l10n-drift baseline\``);
  }
  return baseline as BaselineFile;
}

function toEntry(finding: Finding): BaselineEntry {
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    locale: finding.locale,
    article: finding.article,
    ...(finding.anchor !== undefined && { anchor: finding.anchor }),
    key: finding.key,
    message: finding.message,
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.article, b.article) || compareText(a.locale, b.locale) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint);
}
