import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";

/**
 * The findings that are errors to fix, as the states have it: the reasons of broken
 * translations, and problems outside any translation (a source file, a translation without a
 * source) that are not upstream changes. Everything else is upstream work, shown as a work list.
 */
export function translationErrors(report: Report): Set<string> {
  const errors = new Set<string>();
  for (const article of report.articles) {
    for (const translation of article.translations) {
      if (translation.state === "broken") for (const reason of translation.reasons) errors.add(reason);
    }
  }
  for (const finding of findingsOutsideTranslations(report)) {
    if (finding.article !== "" && finding.cause !== "upstream") errors.add(finding.fingerprint);
  }
  return errors;
}

/**
 * Findings that belong to no translation: problems of a source file, a translation without a
 * source, and (with an empty article) notes about the whole run.
 */
export function findingsOutsideTranslations(report: Report): Finding[] {
  const inTranslation = inAnyTranslation(report);
  return report.findings.filter((finding) => !inTranslation(finding));
}

/**
 * Whether a finding belongs to one of the report's translations. By article and locale, not by
 * object: a packed report decodes its findings again on each pass (see report/packed.ts).
 */
export function inAnyTranslation(report: Report): (finding: Pick<Finding, "article" | "locale">) => boolean {
  const translations = new Set(report.articles.flatMap((article) => article.translations.map((translation) => `${article.article}\0${translation.locale}`)));
  return (finding) => translations.has(`${finding.article}\0${finding.locale}`);
}

/** Whether a finding is one of `translationErrors`, and new where known findings are used. */
export function isNewError(finding: Finding, errors: ReadonlySet<string>): boolean {
  return errors.has(finding.fingerprint) && finding.suppression !== "known";
}
