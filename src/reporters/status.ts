import type { Report } from "../model/report.js";
import type { TranslationState, WorkList } from "../model/state.js";

/**
 * `reports/status.json`: per page and locale, the translation's state, for a site generator's
 * "outdated translation" banner and for dashboards. Schema version 2: `state` is the engine's
 * one state per translation (version 1 called every finding "outdated").
 */
export interface StatusFile {
  schemaVersion: 2;
  pages: StatusPage[];
}

export interface StatusPage {
  /** Source article path relative to the source directory. */
  article: string;
  source: string;
  translations: Record<string, TranslationStatus>;
}

export interface TranslationStatus {
  file: string;
  state: TranslationState;
  /** Whether the source moved on since the translation was made: true for `outdated`, and for a `broken` one that is behind too. What a banner reads. */
  outdated: boolean;
  /**
   * Since when it is behind (YYYY-MM-DD): the first source commit after the baseline, or the
   * source's date when only dates are known; null when it is not behind or nothing tells.
   */
  outdatedSince: string | null;
  /** Fingerprints of the findings behind the state (see drift.json), sorted. */
  reasons: string[];
  /** For an outdated translation: what to translate. */
  work?: WorkList;
}

export function formatStatus(report: Report): string {
  const pages: StatusPage[] = report.articles.map((article) => {
    // Locale names come from folder names: a null-prototype object keeps `__proto__` a locale.
    const translations: Record<string, TranslationStatus> = Object.create(null) as Record<string, TranslationStatus>;
    for (const translation of article.translations) {
      const outdated = translation.state === "outdated" || translation.outdated === true;
      translations[translation.locale] = {
        file: translation.file,
        state: translation.state,
        outdated,
        outdatedSince: translation.work?.outdatedSince ?? null,
        reasons: translation.reasons,
        ...(translation.work && { work: translation.work }),
      };
    }
    return { article: article.article, source: article.file, translations };
  });
  const status: StatusFile = { schemaVersion: 2, pages };
  return `${JSON.stringify(status, null, 2)}\n`;
}
