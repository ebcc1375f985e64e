import { digest } from "../util/hash.js";

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
 * Who has to act: `translation`, the translation disagrees with the source version it was made
 * from (a translator's error, or a file problem); `upstream`, the source changed after the
 * translation's baseline (work to schedule); `unknown`, no baseline is known to tell.
 */
export type Cause = "translation" | "upstream" | "unknown";

export const CAUSES: readonly Cause[] = ["translation", "upstream", "unknown"];

/**
 * One problem, as plain data: findings cross worker threads and are written to JSON, so this is
 * never a class. Field names follow vfile-message (`ruleId`, `place`-like line/column, `cause`).
 */
export interface Finding {
  ruleId: string;
  /** Names the message template (the rule's `messages`), as ESLint's `messageId`. */
  messageId: string;
  severity: Severity;
  cause: Cause;
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
  /** The rule's stable name for this difference within the anchor (a section id, a front matter key): never text, a line or a count. */
  key: string;
  /** One sentence a translator understands: what is wrong, then what was expected; rendered from the template. */
  message: string;
  /** The other side, usually the English source place. */
  related?: RelatedPlace[];
  /** The template's placeholder values and other rule-specific facts; always JSON-safe. */
  data?: Record<string, unknown>;
  /**
   * Identifies the problem across runs: a hash of rule, article, locale, anchor, messageId and key
   * (identity v2). Never the message, a line or a count, so rewording, a moved line or one more
   * upstream commit keeps it. Suppressions and SARIF (`partialFingerprints`) use it.
   */
  fingerprint: string;
  /** With known findings (`check --suppressions`): whether this one is known or new. */
  suppression?: "known" | "new";
}

export interface RelatedPlace extends Place {
  message: string;
}

/**
 * What a rule returns: a message id with its placeholder values, the place, and what identifies
 * the difference. The engine validates it, renders the message and stamps rule id, severity,
 * locale, article and fingerprint.
 */
export interface FindingDraft {
  messageId: string;
  data?: Record<string, unknown>;
  file: string;
  line?: number;
  column?: number;
  anchor?: string;
  key: string;
  cause: Cause;
  related?: RelatedPlace[];
}

/** Identity v2: the fields that name a difference, never its wording, line or counts. */
export function fingerprintOf(identity: Pick<Finding, "ruleId" | "article" | "locale" | "anchor" | "messageId" | "key">): string {
  return digest("v2", identity.ruleId, identity.article, identity.locale, identity.anchor ?? "", identity.messageId, identity.key).slice(0, 32);
}

/** Identity v1 (schema version 1 suppressions): it hashed the message, so it is only recomputed to read old files. */
export function fingerprintV1(finding: Pick<Finding, "ruleId" | "article" | "locale" | "anchor" | "message">): string {
  return digest(finding.ruleId, finding.article, finding.locale, finding.anchor ?? "", finding.message).slice(0, 32);
}
