import type { MessagePort } from "node:worker_threads";
import type { HistoryUnavailableReason } from "../git/history.js";
import type { HistoryAccess, HistorySlice } from "./access.js";
import { createHash } from "node:crypto";
import type { ParsedDocument } from "../model/document.js";
import { compareText } from "../util/compare-text.js";
import type { HistoryGap, PairChange, TranslationBaseline } from "../model/pair.js";
import { frontMatterValue, readFrontMatter } from "../parse/front-matter.js";
import type { HistorySummary } from "../model/rule.js";

/** What the engine asks of history; facts only, gathered before any rule runs. */
export interface HistoryProvider {
  baselineFor(sourceFile: string, source: ParsedDocument, translation: ParsedDocument): Promise<TranslationBaseline>;
  /** What the change since `ref` did to the translation; undefined without history. */
  changeSince(ref: string, translation: ParsedDocument): Promise<PairChange | undefined>;
  /** The current path of a source file that was renamed away from `sourceFile`, if any. */
  renamedSource(sourceFile: string): string | undefined;
  /** How history went for the whole run, from the tallies of every baseline found. */
  summary(tally: HistoryTally): HistorySummary;
  /** How workers share this history; absent where there is none to share. */
  shared?: SharedHistory;
  close(): void;
}

/** The main thread's side of history for workers: per-task slices, and answers to what they lack. */
export interface SharedHistory {
  /** What workers need to build their view of history: plain data. */
  facts: { shallow: boolean; prefix: string };
  slice(files: readonly string[]): HistorySlice;
  serve(port: MessagePort): void;
}

/** How baselines went, counted per article so that threads can add their counts up. */
export interface HistoryTally {
  gaps: Record<string, { count: number; example: string }>;
  unknownPins: number;
  importedPins: number;
}

export function emptyTally(): HistoryTally {
  return { gaps: {}, unknownPins: 0, importedPins: 0 };
}

/** Adds one baseline to a tally. The example is the first file in path order, whatever the thread order. */
export function tallyBaseline(tally: HistoryTally, baseline: TranslationBaseline, file: string): void {
  if (baseline.gap) {
    const gap = tally.gaps[baseline.gap] ?? { count: 0, example: file };
    gap.count++;
    if (file < gap.example) gap.example = file;
    tally.gaps[baseline.gap] = gap;
  }
  tally.unknownPins += baseline.pinProblems?.filter((problem) => problem.shallow && problem.reason !== "source-absent-at-commit").length ?? 0;
  if (baseline.gap === "added-with-source") tally.importedPins += baseline.pinProblems?.length ?? 0;
}

export function mergeTallies(tallies: readonly HistoryTally[]): HistoryTally {
  const merged = emptyTally();
  for (const tally of tallies) {
    for (const [reason, gap] of Object.entries(tally.gaps)) {
      const into = merged.gaps[reason] ?? { count: 0, example: gap.example };
      into.count += gap.count;
      if (gap.example < into.example) into.example = gap.example;
      merged.gaps[reason] = into;
    }
    merged.unknownPins += tally.unknownPins;
    merged.importedPins += tally.importedPins;
  }
  return merged;
}

export function gapList(tally: HistoryTally): HistorySummary["gaps"] {
  return Object.entries(tally.gaps)
    .map(([reason, gap]) => ({ reason: reason as HistoryGap, ...gap }))
    .sort((a, b) => compareText(a.reason, b.reason));
}

/** Baselines where there is no history to read: dates, in a worker as in the main thread. */
export function dateProvider(reason: HistoryUnavailableReason | "disabled"): HistoryProvider {
  return {
    baselineFor: () => Promise.resolve({ method: "date", gap: "no-repository" }),
    changeSince: () => Promise.resolve(undefined),
    renamedSource: () => undefined,
    summary: (tally) => ({ state: reason, shallow: false, gaps: reason === "disabled" ? [] : gapList(tally), unknownPins: 0, importedPins: 0 }),
    close: () => undefined,
  };
}

/** The translation as `ref` had it, compared with now; an unreadable old version counts as changed, with no pin. */
/** What the change since `ref` did to a translation: whether it existed, changed, and its pin then. */
export async function changeSince(history: HistoryAccess, ref: string, translation: ParsedDocument, pinKeys: readonly string[]): Promise<PairChange> {
  const read = await history.read(`${ref}:${history.repoPath(translation.file)}`);
  if (!read.found) return { since: ref, existed: false, translationChanged: true };
  const text = read.content.toString("utf8");
  const data = readFrontMatter(text.replace(/^\uFEFF/, "")).data;
  const pin = pinKeys.map((key) => frontMatterValue(data, key)).find((value) => typeof value === "string" || typeof value === "number");
  return { since: ref, existed: true, translationChanged: createHash("sha256").update(read.content).digest("hex") !== translation.contentHash, ...(pin !== undefined && { pinBefore: String(pin).trim() }) };
}
