import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";

/**
 * `reports/status.json`: per page and locale, whether the translation is up to date and, where the
 * findings say, since when it is not. A site generator reads it to show readers an "outdated
 * translation" banner. The shape is stable: fields are only ever added.
 */
export interface StatusFile {
  schemaVersion: 1;
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
  /** `current`: no error or warning; `outdated`: some; `missing`: no file; `unreadable`: a file that cannot be parsed. */
  state: "current" | "outdated" | "missing" | "unreadable";
  /** The source date the translation has not caught up with (YYYY-MM-DD), when known. */
  outdatedSince: string | null;
  /** Rules whose errors or warnings make it outdated, sorted. */
  reasons: string[];
}

export function formatStatus(report: Report): string {
  const byPage = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    if (finding.severity === "info") continue;
    const key = `${finding.article}\0${finding.locale}`;
    byPage.set(key, [...(byPage.get(key) ?? []), finding]);
  }
  const pages: StatusPage[] = report.articles.map((article) => {
    const translations: Record<string, TranslationStatus> = {};
    for (const translation of article.translations) {
      const findings = byPage.get(`${article.article}\0${translation.locale}`) ?? [];
      const reasons = [...new Set(findings.map((finding) => finding.ruleId))].sort();
      const state = translation.status === "translated" ? (reasons.length > 0 ? "outdated" : "current") : translation.status;
      translations[translation.locale] = { file: translation.file, state, outdatedSince: outdatedSince(findings), reasons };
    }
    return { article: article.article, source: article.file, translations };
  });
  const status: StatusFile = { schemaVersion: 1, pages };
  return `${JSON.stringify(status, null, 2)}\n`;
}

/** The newest source date or change a finding names; rules put it in `data.sourceDate` or `data.since`. */
function outdatedSince(findings: readonly Finding[]): string | null {
  const dates = findings
    .map((finding) => finding.data?.sourceDate ?? finding.data?.since)
    .filter((value): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value))
    .map((value) => value.slice(0, 10))
    .sort();
  return dates.at(-1) ?? null;
}
