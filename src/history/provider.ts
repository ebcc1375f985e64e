import { loadHistory, type GitHistory, type HistoryUnavailableReason } from "../git/history.js";
import type { ParsedDocument } from "../model/document.js";
import type { HistoryGap, TranslationBaseline } from "../model/pair.js";
import type { HistorySummary } from "../model/rule.js";
import { BlobCache, resolveBaseline, type BaselineOptions } from "./baseline.js";

/** What the engine asks of history; facts only, gathered before any rule runs. */
export interface HistoryProvider {
  baselineFor(sourceFile: string, source: ParsedDocument, translation: ParsedDocument): Promise<TranslationBaseline>;
  /** The current path of a source file that was renamed away from `sourceFile`, if any. */
  renamedSource(sourceFile: string): string | undefined;
  /** How history went for the whole run, for findings that are said once. */
  summary(): HistorySummary;
  close(): void;
}

/** Opens the tree's git history once for the run; `enabled: false` gives the date fallback without a note. */
export async function openHistory(root: string, options: BaselineOptions & { enabled: boolean }): Promise<HistoryProvider> {
  const history = options.enabled ? await loadHistory(root) : { available: false as const, reason: "disabled" as const };
  return history.available ? gitProvider(history, options) : dateProvider(history.reason);
}

function gitProvider(history: GitHistory, options: BaselineOptions): HistoryProvider {
  const gaps = new Map<HistoryGap, { count: number; example: string }>();
  let unknownPins = 0;
  let importedPins = 0;
  const cache = new BlobCache();
  return {
    async baselineFor(sourceFile, source, translation) {
      const baseline = await resolveBaseline(history, sourceFile, source, translation, options, cache);
      if (baseline.gap) {
        const gap = gaps.get(baseline.gap) ?? { count: 0, example: translation.file };
        gap.count++;
        gaps.set(baseline.gap, gap);
      }
      unknownPins += baseline.pinProblems?.filter((problem) => problem.shallow && problem.reason !== "source-absent-at-commit").length ?? 0;
      if (baseline.gap === "added-with-source") importedPins += baseline.pinProblems?.length ?? 0;
      return baseline;
    },
    renamedSource: (sourceFile) => history.renamedTo(sourceFile)?.path,
    summary: () => ({
      state: "available",
      shallow: history.shallow,
      gaps: [...gaps].map(([reason, gap]) => ({ reason, ...gap })).sort((a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
      unknownPins,
      importedPins,
    }),
    close: () => history.close(),
  };
}

function dateProvider(reason: HistoryUnavailableReason | "disabled"): HistoryProvider {
  let translations = 0;
  let example = "";
  return {
    baselineFor: (_sourceFile, _source, translation) => {
      if (translations++ === 0) example = translation.file;
      return Promise.resolve({ method: "date", gap: "no-repository" });
    },
    renamedSource: () => undefined,
    summary: () => ({
      state: reason,
      shallow: false,
      gaps: translations > 0 && reason !== "disabled" ? [{ reason: "no-repository", count: translations, example }] : [],
      unknownPins: 0,
      importedPins: 0,
    }),
    close: () => undefined,
  };
}
