import type { Cause } from "./finding.js";

/** Why a finding exists (see `Cause`): the word the states are computed from. */
export type FindingCause = Cause;

/**
 * One state per translation (article × locale), computed by the engine from its findings:
 * - `current`: nothing to do;
 * - `outdated`: the source moved on since the translation was made (upstream work only);
 * - `broken`: at least one translation error (it may be outdated as well: see `outdated`);
 * - `missing`: no file;
 * - `unreadable`: a file that could not be read or parsed;
 * - `untracked`: excluded from translation by configuration.
 */
export type TranslationState = "current" | "outdated" | "broken" | "missing" | "unreadable" | "untracked";

/** In the order reports list them: what needs a person first. */
export const TRANSLATION_STATES: readonly TranslationState[] = ["broken", "outdated", "missing", "unreadable", "untracked", "current"];

export type StateCounts = Record<TranslationState, number>;

/** A section named in a work list. */
export interface WorkSection {
  anchor: string;
  title: string;
  /** For changed sections: what changed (prose, code, link, image, table, front matter). */
  kinds?: string[];
}

/** What an outdated translation needs: the source's changes since its baseline. */
/** A front matter value the translation must copy from its source. */
export interface WorkValue {
  key: string;
  value?: string;
  expected: string;
}

export interface WorkList {
  /** How the baseline was found: a pin, the last translation commit, or `date` when only dates tell. */
  method: string;
  /** The source commit the translation was made from, when history tells. */
  commit?: string;
  commitsBehind?: number;
  changedLines?: number;
  added: WorkSection[];
  changed: WorkSection[];
  removed: WorkSection[];
  /** Translated front matter keys that changed. */
  frontMatter: string[];
  /** Files the source includes that changed. */
  includes: string[];
  /** Sections other upstream findings name, where no history comparison listed them (dates only). */
  review?: WorkSection[];
  /** Front matter values to copy from the source, which changed them since (`cascade.vers`): the translation's value (absent: missing) and the source's. */
  values?: WorkValue[];
  /**
   * Since when the translation is behind (YYYY-MM-DD): the first source commit after the
   * baseline, or the source's date when only dates are known.
   */
  outdatedSince?: string;
}
