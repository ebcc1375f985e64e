import { SEVERITY_RANK, type Finding, type Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import type { TranslationState } from "../model/state.js";

/**
 * When a check fails. By default only `broken` translations do (a translator's error at or above
 * `failOn`), and problems in the sources themselves; an outdated or missing translation is work
 * to schedule, not a failure, so an English-only change never fails the docs pipeline.
 */
export interface FailurePolicy {
  /** Lowest severity of a translation error (or source problem) that fails; `never` fails nothing. */
  failOn: Severity | "never";
  /** States that fail the check besides `broken`, such as `outdated` or `missing`. */
  states?: readonly TranslationState[];
  /** Locales `states` applies to; all when absent. */
  locales?: readonly string[];
}

export interface Verdict {
  failed: boolean;
  /** The findings that fail the check: new (not known) translation errors and source problems at or above `failOn`. */
  failing: Finding[];
  /** Translations whose state fails the check under `states`, as `article\0locale`. */
  failingTranslations: Array<{ article: string; locale: string; state: TranslationState }>;
}

export function verdict(report: Report, policy: FailurePolicy): Verdict {
  if (policy.failOn === "never") return { failed: false, failing: [], failingTranslations: [] };
  const threshold = SEVERITY_RANK[policy.failOn];
  const broken = new Set<string>();
  const stateOf = new Map<string, TranslationState>();
  for (const article of report.articles) {
    for (const translation of article.translations) {
      stateOf.set(`${article.article}\0${translation.locale}`, translation.state);
      if (translation.state === "broken") for (const reason of translation.reasons) broken.add(reason);
    }
  }
  const failing = report.findings.filter((finding) => {
    if (finding.suppression === "known" || SEVERITY_RANK[finding.severity] < threshold) return false;
    const state = stateOf.get(`${finding.article}\0${finding.locale}`);
    // A finding outside any translation (about a source file, or the whole run) is the sources' own problem.
    if (state === undefined) return finding.cause !== "upstream";
    return broken.has(finding.fingerprint);
  });
  const extraStates = new Set(policy.states ?? []);
  extraStates.delete("broken");
  const inLocales = (locale: string) => policy.locales === undefined || policy.locales.length === 0 || policy.locales.includes(locale);
  const failingTranslations: Verdict["failingTranslations"] = [];
  if (extraStates.size > 0) {
    const known = new Set(report.findings.filter((finding) => finding.suppression === "known").map((finding) => finding.fingerprint));
    for (const article of report.articles) {
      for (const translation of article.translations) {
        if (!inLocales(translation.locale)) continue;
        const states = [translation.state, ...(translation.outdated ? (["outdated"] as const) : [])];
        const state = states.find((candidate) => extraStates.has(candidate));
        if (state === undefined) continue;
        // Known work does not fail: every reason already in the known-findings file.
        if (translation.reasons.length > 0 && translation.reasons.every((reason) => known.has(reason))) continue;
        failingTranslations.push({ article: article.article, locale: translation.locale, state });
      }
    }
  }
  return { failed: failing.length > 0 || failingTranslations.length > 0, failing, failingTranslations };
}
