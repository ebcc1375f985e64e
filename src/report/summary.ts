import type { Finding } from "../model/finding.js";
import type { ArticleOutline, LocaleSummary, Report } from "../model/report.js";
import { TRANSLATION_STATES } from "../model/state.js";
import { emptyStateCounts } from "./states.js";

/**
 * The summary is a pure function of the outlines and findings, so a report merged from shards
 * summarizes to exactly what one unsharded run does.
 */
export function summarize(outlines: readonly ArticleOutline[], locales: readonly string[], findings: readonly Finding[]): Report["summary"] {
  // Null prototype: a locale folder may be called `__proto__`.
  const byLocale = Object.create(null) as Record<string, LocaleSummary>;
  for (const locale of locales) {
    byLocale[locale] = { articles: 0, translations: 0, sourceSections: 0, translatedSections: 0, coveragePercent: 100, counts: { error: 0, warning: 0, info: 0 }, states: emptyStateCounts() };
  }
  for (const outline of outlines) {
    for (const translation of outline.translations) {
      const summary = byLocale[translation.locale]!;
      summary.articles++;
      summary.sourceSections += outline.sections.length;
      summary.states[translation.state]++;
      if (translation.status === "missing") continue;
      summary.translations++;
      summary.translatedSections += translation.rows.filter((row) => row.source !== undefined && row.translation !== undefined).length;
    }
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) {
    counts[finding.severity]++;
    const summary = byLocale[finding.locale];
    if (summary) summary.counts[finding.severity]++;
  }
  for (const summary of Object.values(byLocale)) {
    summary.coveragePercent = summary.sourceSections === 0 ? 100 : Math.floor((summary.translatedSections / summary.sourceSections) * 1000) / 10;
  }
  const states = emptyStateCounts();
  for (const summary of Object.values(byLocale)) for (const state of TRANSLATION_STATES) states[state] += summary.states[state];
  return {
    articles: outlines.length,
    translations: Object.values(byLocale).reduce((total, summary) => total + summary.translations, 0),
    locales: locales.length,
    counts,
    states,
    byLocale,
  };
}
