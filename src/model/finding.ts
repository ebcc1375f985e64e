import type { FindingCause } from "./state.js";
/** How much a finding matters; `--fail-on` compares against this order. */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Higher is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** A place in a file: 1-based line and column in the original file, front matter included. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * One problem, as plain data: findings cross worker threads and are written to JSON, so this is
 * never a class. Field names follow vfile-message (`ruleId`, `place`-like line/column, `cause`
 * becomes `related`).
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Locale folder name (`de`), or the source locale for a finding about a source file. */
  locale: string;
  /** Source article path relative to the source root, `/` separators. */
  article: string;
  /** The file the finding is about, relative to the tree root, `/` separators. */
  file: string;
  line?: number;
  column?: number;
  /** The section the finding is about, by its preferred id. */
  anchor?: string;
  /** One sentence a translator understands: what is wrong, then what was expected. */
  message: string;
  /** The other side, usually the English source place. */
  related?: RelatedPlace[];
  /** Whether the translation is wrong (`translation`) or the source moved on (`upstream`); see `FindingCause`. */
  cause?: FindingCause;
  /** Rule-specific facts for reporters and tools; always JSON-safe. */
  data?: Record<string, unknown>;
  /**
   * Identifies the problem across runs, whatever lines moved: a hash of rule, article, locale,
   * anchor and message. Baselines and SARIF (`partialFingerprints`) use it.
   */
  fingerprint: string;
  /** With `check --baseline`: whether the baseline knew this finding. */
  baseline?: "known" | "new";
}

export interface RelatedPlace extends Place {
  message: string;
}

/** What a rule returns: the engine stamps rule id, severity, locale and article. */
export type FindingDraft = Omit<Finding, "ruleId" | "severity" | "locale" | "article" | "fingerprint" | "baseline"> & {
  severity?: Severity;
};
