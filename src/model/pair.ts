import type { ParsedDocument, Section } from "./document.js";

/**
 * How a source section was matched with a translation section:
 * - `anchor`: they share an id (an explicit anchor or the heading slug);
 * - `sequence`: no shared id; matched by order and heading level between anchored neighbours;
 * - `preamble`: the text before the first heading on both sides.
 */
export type AlignmentMethod = "anchor" | "sequence" | "preamble";

/** One row of an alignment: a source section, a translation section, or both. */
export interface AlignedSection {
  source?: number;
  translation?: number;
  method?: AlignmentMethod;
  /** The id both sides share, for `anchor` matches. */
  sharedId?: string;
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
}

/** One article in one locale, with both files present and parsed. */
export interface Pair {
  article: string;
  locale: string;
  source: ParsedDocument;
  translation: ParsedDocument;
  alignment: Alignment;
  /** Set when the engine knows which source version the translation was made from. */
  baseline?: TranslationBaseline;
  /**
   * The ids of the files the translation links into with a fragment (`other.md#x`), by path
   * relative to the tree root; null for a file that is absent or unreadable.
   */
  linkedIds?: Readonly<Record<string, readonly string[] | null>>;
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
