import type { WorkList } from "../history/worklist.js";
import type { Report } from "../model/report.js";
import type { StateCounts, TranslationState } from "../model/state.js";
import { compareText } from "../util/compare-text.js";

/** The states `status --state` takes: those a translation can have in a report (untracked ones are never checked). */
export const STATUS_STATES = ["current", "outdated", "broken", "missing", "unreadable"] as const;
export type StatusState = (typeof STATUS_STATES)[number];

/** One translation in `status`: the report's state, with the size of the work from its work list. */
export interface StatusEntry {
  article: string;
  locale: string;
  file: string;
  /**
   * The engine's state, as `check` and the reports give it, not the work list's own `state`
   * (`stale`, `unknown`): they differ where history cannot tell a baseline (`unknown`, which the
   * report resolves by dates to current, outdated or broken) and where only a translation's
   * errors make work (`broken` with nothing stale). `status` and `check` must agree.
   */
  state: TranslationState;
  /** Outdated, or broken and behind its source too. */
  outdated: boolean;
  /** Findings behind the state: translation errors when broken, upstream changes when outdated. */
  reasons: number;
  /** Source lines to translate or review (the work list's size; the whole source when missing). */
  lines: number;
  commitsBehind?: number;
  work?: WorkList;
}

/** What `status` shows: per locale, its translations by state (the report's counts), and the ranked entries. */
export interface WorkStatus {
  locales: Record<string, StateCounts>;
  entries: StatusEntry[];
}

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
