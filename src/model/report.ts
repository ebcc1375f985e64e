import type { Finding, Severity } from "./finding.js";
import type { AlignmentEvidence, AlignmentMethod } from "./pair.js";
import type { HistorySummary } from "./rule.js";
import type { StateCounts, TranslationState, WorkList } from "./state.js";

export type SeverityCounts = Record<Severity, number>;

export interface LocaleSummary {
  /** Source articles in scope. */
  articles: number;
  /** Of those, how many have a file in this locale. */
  translations: number;
  /** Source sections (headings) in scope, over all articles. */
  sourceSections: number;
  /** Of those, how many the locale's translations have. */
  translatedSections: number;
  /** translatedSections / sourceSections, in percent, one decimal; 100 when there is nothing. */
  coveragePercent: number;
  counts: SeverityCounts;
  /** Translations by state; `missing` counts the articles without a file in this locale. */
  states: StateCounts;
}

export interface ReportSummary {
  articles: number;
  translations: number;
  locales: number;
  counts: SeverityCounts;
  /** Translations by state, over every locale. */
  states: StateCounts;
  byLocale: Record<string, LocaleSummary>;
}

/** A heading as reports show it. */
export interface SectionOutline {
  anchor: string;
  title: string;
  level: number;
  line: number;
}

/** One row of the side-by-side view: a source section, a translation section, or both. */
export interface OutlineRow {
  /** Index into the article's `sections`. */
  source?: number;
  translation?: SectionOutline;
  method?: AlignmentMethod;
  /** Why the two sections were paired: score and the kinds of evidence that spoke for it. */
  evidence?: AlignmentEvidence;
}

export interface TranslationOutline {
  locale: string;
  file: string;
  /** `missing`: no file; `unreadable`: a file that could not be parsed. */
  status: "translated" | "missing" | "unreadable";
  /** The translation's one state, from its findings (`src/report/states.ts`). */
  state: TranslationState;
  /** Set on a `broken` translation whose source has also moved on: it is outdated too. */
  outdated?: true;
  /** Fingerprints of the findings behind the state: translation errors when broken, else upstream changes. */
  reasons: string[];
  /** What to translate, when the source moved on. */
  work?: WorkList;
  rows: OutlineRow[];
}

/** What the HTML report needs to show an article's alignment side by side. */
export interface ArticleOutline {
  article: string;
  file: string;
  sections: SectionOutline[];
  translations: TranslationOutline[];
}

/** With known findings (suppressions, `check --baseline`): how the findings compare with them. */
export interface SuppressionSummary {
  file: string;
  known: number;
  new: number;
  /** Known findings no longer found, within the scope when the run was narrowed; `message` only from files of schema version 1. */
  fixed: Array<{ fingerprint: string; ruleId: string; messageId?: string; locale: string; article: string; anchor?: string; key?: string; file?: string; line?: number; message?: string }>;
  /** A one-line note, such as that the file is of an older schema version (printed on stderr, not an error). */
  notice?: string;
}

/**
 * Facts about the whole run, which run-level rules (`checkRun`) turn into findings. They are kept
 * in the report so that `merge` can add up the shards' facts and run those rules once on the sum,
 * as the unsharded run does. Present when history was consulted (enabled or not).
 */
export interface RunSummary {
  /** The source directory, relative to the root: where run-level findings point. */
  sourceDir: string;
  /** The locale run-level findings are stamped with. */
  sourceLocale: string;
  history: HistorySummary;
}

/** An article a narrowed run checked, and which of its translations: every locale, or those listed. */
export interface ScopedArticle {
  article: string;
  locales: "all" | string[];
}

/**
 * What a narrowed run checked (`--changed-since`, named articles, `--locale`), so that reporters
 * can say what a change did and known findings are compared only within it. Absent for a run over
 * every article and locale.
 */
export interface ReportScope {
  /** The git ref the change is measured from (`check --changed-since`). */
  changedSince?: string;
  /** The locales selected. */
  locales: string[];
  /** The source locale: findings in it are about the articles' sources. */
  sourceLocale: string;
  /**
   * The articles the run was limited to, each with the locales concerned: `"all"` where its source
   * changed, else the locales whose translations changed. Absent: every article.
   */
  articles?: ScopedArticle[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  summary: ReportSummary;
  run?: RunSummary;
  /** Read-only: from the engine, held packed and decoded as read (`report/packed.ts`). */
  findings: readonly Finding[];
  /** Read-only, as `findings`. */
  articles: readonly ArticleOutline[];
  suppressions?: SuppressionSummary;
  /** The repository's web address (configured, or the git remote's), for the reports' links. */
  repository?: { url: string; branch?: string; rootDir?: string };
  /** What a narrowed run checked; absent when it checked every article and locale. */
  scope?: ReportScope;
  /** The configuration's `failOn`: states that fail the check besides `broken`, and where. */
  failOn?: { states?: Array<"outdated" | "missing" | "unreadable" | "broken">; locales?: string[] };
}

/** @deprecated Use `SuppressionSummary`; kept for one release. */
export type BaselineSummary = SuppressionSummary;
