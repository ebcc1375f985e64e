import type { ParsedDocument, Section } from "./document.js";

/**
 * How a source section was matched with a translation section:
 * - `anchor`: they share an id (an explicit anchor or the heading slug) that no other section has;
 * - `content`: no unique shared id; paired by a score of evidence (ids that look alike, code, links,
 *   images, inline code, numbers, level, position, length) in an optimal alignment of the gap;
 * - `sequence`: paired by heading level and position only (no content evidence, or a gap too large
 *   for the scored alignment);
 * - `preamble`: the text before the first heading on both sides.
 */
export const ALIGNMENT_METHODS = ["anchor", "content", "sequence", "preamble"] as const;
export type AlignmentMethod = (typeof ALIGNMENT_METHODS)[number];

/** Kinds of evidence that can speak for a pair (see `EVIDENCE_WEIGHTS` in `src/align/evidence.ts`). */
export type EvidenceKind = "id" | "code" | "links" | "images" | "inline-code" | "numbers" | "level" | "position" | "length" | "baseline";

/** Why two sections were paired: the pair's score and the kinds of evidence that spoke for it. */
export interface AlignmentEvidence {
  /** Sum of the weighted evidence, three decimals; pairs need more than the floor (0.5) unless matched by anchor. */
  score: number;
  /** The kinds that counted in favour, in a fixed order. */
  kinds: EvidenceKind[];
}

/** One row of an alignment: a source section, a translation section, or both. */
export interface AlignedSection {
  source?: number;
  translation?: number;
  method?: AlignmentMethod;
  /** The id both sides share, for `anchor` matches. */
  sharedId?: string;
  /** For paired rows: the evidence for the pair. */
  evidence?: AlignmentEvidence;
}

/** Rows in reading order: source order, with translation-only sections where they stand. */
export interface Alignment {
  rows: AlignedSection[];
}

/** How the source version a translation was made from was found. */
export type BaselineMethod = "source-commit-pin" | "source-hash-pin" | "translation-commit" | "date";

/** The source version a translation was made from, where history tells. */
export interface TranslationBaseline {
  method: BaselineMethod;
  /** The source commit the translation was made from, when known. */
  commit?: string;
  /** The source as it was at that commit, parsed; absent when it could not be read. */
  source?: ParsedDocument;
  /** The pin the method read, with its front matter line. */
  pin?: { key: string; value: string; line: number };
  /** Source commits since the baseline that need translating (marked skips not counted). */
  commitsBehind?: number;
  /** Since when the translation is behind: the committer date (YYYY-MM-DD, UTC) of the first counted source commit after the baseline. */
  outdatedSince?: string;
  /** Commits since the baseline marked as not needing translation (`L10n-Skip: true`). */
  skippedCommits?: number;
  /** Lines added and removed in the source since the baseline. */
  changedLines?: number;
  /**
   * The source to compare the baseline with: the current source, or, when the latest commits
   * are marked skips, the source as the last unmarked commit left it. Absent: `pair.source`.
   */
  target?: ParsedDocument;
  /** Files the source includes that changed since the baseline, with how many commits. */
  includesChanged?: Array<{ file: string; commits: number }>;
  /** The source's path at the baseline, when it has been renamed since. */
  renamedFrom?: string;
  /** Pins that could not be used, and why; the next method was tried. */
  pinProblems?: PinProblem[];
  /** Why history could not tell, for the `date` method. */
  gap?: HistoryGap;
}

/** Why a pin was not usable. */
export interface PinProblem {
  key: string;
  value: string;
  line: number;
  reason: "unknown-commit" | "source-absent-at-commit" | "no-matching-version";
  /** The clone is shallow: the pinned version may just not have been fetched. */
  shallow: boolean;
}

/** Why history could not name a translation's baseline. */
export type HistoryGap =
  | "no-repository"
  | "not-committed"
  | "added-with-source"
  | "beyond-shallow-clone"
  | "source-not-committed"
  /** Git could not give an old version: a missing or corrupt object, one over `maxFileBytes`, or git stopped answering. */
  | "version-unreadable";

/** One article in one locale, with both files present and parsed. */
export interface Pair {
  article: string;
  locale: string;
  source: ParsedDocument;
  translation: ParsedDocument;
  alignment: Alignment;
  /** The pair's locale tags (`en`, `de`, `pt-br`, `pt`), which link targets are compared without; the engine sets them. */
  locales?: ReadonlySet<string>;
  /** Set when the engine knows which source version the translation was made from. */
  baseline?: TranslationBaseline;
  /**
   * The ids of the files the translation links into with a fragment (`other.md#x`), by path
   * relative to the tree root; null for a file that is absent or unreadable.
   */
  linkedIds?: Readonly<Record<string, readonly string[] | null>>;
  /**
   * For each page the pair links into by URL path with a fragment (`/de/guides/x/#y`; key: the
   * page path from `pagePath`, `guides/x`), the linked article's section ids mapped to the
   * anchor of the source section they stand for: `source` for the source's ids, `translation`
   * for the linked translation's ids through its alignment with its source. A translated
   * fragment (`#nebenbemerkungen`) and the source's (`#asides`) then name one section.
   */
  linkedSections?: Readonly<Record<string, LinkedSections>>;
  /** Set when the source was renamed and the translation is still at the old path: that path, relative to the locale folder. */
  translationAt?: string;
  /** Set when the run checks a change (`--changed-since`) and history is read: the translation before it. */
  change?: PairChange;
}

/** What the checked change did to a translation: whether it changed it, and the source-commit pin it had before. */
export interface PairChange {
  /** The git ref the change is measured from. */
  since: string;
  /** The translation existed at `since`. */
  existed: boolean;
  /** Its content differs from what it was at `since` (or it is new). */
  translationChanged: boolean;
  /** The value of its source-commit pin at `since`, when it had one. */
  pinBefore?: string;
}

/** Section ids of a linked article, each mapped to its source section's anchor. */
export interface LinkedSections {
  source: Readonly<Record<string, string>>;
  translation: Readonly<Record<string, string>>;
}

/** One article in one locale where one side is absent. */
export interface UnpairedFile {
  article: string;
  locale: string;
  /** Path of the file that exists. */
  file: string;
  /** Which side exists. */
  side: "source" | "translation";
  /** Where the other side was looked for. */
  expectedFile: string;
}

export type { ParsedDocument, Section };
