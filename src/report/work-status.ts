import type { WorkList } from "../history/worklist.js";
import type { Report } from "../model/report.js";
import type { TranslationState } from "../model/state.js";
import type { StatusEntry, StatusState, WorkStatus } from "../model/status.js";
import { compareText } from "../util/compare-text.js";

/** Where each state ranks: what needs a person first. */
const STATE_RANK: Record<TranslationState, number> = { broken: 0, outdated: 1, missing: 2, unreadable: 3, untracked: 4, current: 5 };

/**
 * The translations of a report with their work, ranked per locale: broken first, then outdated
 * by size (lines, then commits behind), then missing by the source's size, then unreadable and
 * current ones; `states` keeps those in a state (an outdated filter keeps broken ones that are
 * behind too). Pure: the same report and work lists rank the same whatever order they came in.
 */
export function workStatusOf(report: Report, workLists: readonly WorkList[], states: readonly StatusState[] = ["broken", "outdated", "missing", "unreadable"]): WorkStatus {
  const locales = Object.fromEntries(Object.entries(report.summary.byLocale).map(([locale, summary]) => [locale, summary.states]));
  return { locales, entries: statusEntries(report, workLists, states) };
}

function statusEntries(report: Report, workLists: readonly WorkList[], states: readonly StatusState[]): StatusEntry[] {
  const work = new Map(workLists.map((list) => [`${list.article}\0${list.locale}`, list]));
  const wanted = new Set<string>(states);
  const entries: StatusEntry[] = [];
  for (const article of report.articles) {
    for (const translation of article.translations) {
      const list = work.get(`${article.article}\0${translation.locale}`);
      const outdated = translation.state === "outdated" || translation.outdated === true;
      if (!wanted.has(translation.state) && !(outdated && wanted.has("outdated"))) continue;
      const commitsBehind = translation.work?.commitsBehind ?? list?.baseline?.commitsBehind;
      entries.push({
        article: article.article,
        locale: translation.locale,
        file: translation.file,
        state: translation.state,
        outdated,
        reasons: translation.reasons.length,
        lines: list?.size ?? 0,
        ...(commitsBehind !== undefined && { commitsBehind }),
        ...(list && { work: list }),
      });
    }
  }
  return entries.sort(
    (a, b) =>
      compareText(a.locale, b.locale) ||
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      b.lines - a.lines ||
      (b.commitsBehind ?? 0) - (a.commitsBehind ?? 0) ||
      compareText(a.file, b.file),
  );
}

export { STATUS_STATES, type StatusEntry, type StatusState, type WorkStatus } from "../model/status.js";
