import type { WorkList } from "../history/worklist.js";
import type { StateCounts, TranslationState } from "./state.js";

/** The states `status --state` takes: those a translation can have in a report (untracked: its source is not meant for translation). */
export const STATUS_STATES = ["current", "outdated", "broken", "missing", "unreadable", "untracked"] as const;
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

