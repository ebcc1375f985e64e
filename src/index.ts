import type { Config } from "./config/load.js";
import { changedArticles } from "./tree/changed.js";
import { resolveRun } from "./engine/resolve-run.js";
import { runCheck, type Shard } from "./engine/run.js";
import type { FileSystem } from "./io/file-system.js";
import type { Report } from "./model/report.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse/document.js";
import { DEFAULT_BASELINE_OPTIONS, type BaselineOptions } from "./history/baseline.js";
import { openHistory } from "./history/provider.js";
import { collectWorkLists, type WorkList } from "./history/worklist.js";
import type { TreeLayout } from "./tree/layout.js";

export interface CheckOptions {
  /** The tree to check; default: the current directory. */
  root?: string;
  /** Configuration to use instead of the tree's `l10n-drift.config.json` or package.json key. */
  config?: Config;
  /** A configuration file to read instead of looking for one, relative to the root. */
  configFile?: string;
  /** Locales to check, by folder name (`de`) or BCP 47 code (`de-DE`); default: all. */
  locales?: readonly string[];
  /** Globs over article paths relative to the source directory; default: all. */
  articles?: readonly string[];
  /** Check only the articles changed since this git commit, and those linking to them. */
  changedSince?: string;
  /** Worker threads; 0 checks in this thread; default: chosen by the size of the tree. */
  workers?: number;
  /** Cache directory (such as `node_modules/.cache/l10n-drift`); default: no cache. */
  cacheDir?: string;
  /** Check only this share of the articles (`{ index: 1, count: 4 }`); merge the shards' reports. */
  shard?: Shard;
  /** Called after each article, for progress displays. */
  onProgress?: (done: number, total: number) => void;
  /** Where documents are listed and read; default `node:fs`. A seam for tests and virtual trees. */
  fileSystem?: FileSystem;
  /** Read git history to find each translation's baseline; default true (dates when there is no repository). */
  history?: boolean;
  /** Commit message markers for changes that need no translation; default `L10n-Skip: true`, `[l10n skip]`. */
  skipMarkers?: readonly string[];
}

/** Checks a tree and returns the report that the JSON output serializes. */
export async function check(options: CheckOptions = {}): Promise<Report> {
  const run = await resolveRun(options);
  const articleList = options.changedSince === undefined ? undefined : await changedArticles(run.layout, options.changedSince, limitsOf(run.config.maxFileBytes), options.fileSystem);
  return runCheck({
    ...(articleList && { articleList }),
    layout: run.layout,
    rules: run.rules,
    ruleActivation: run.ruleActivation,
    ...(run.locales && { locales: run.locales }),
    ...(options.articles && { articles: options.articles }),
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }),
    ...(options.shard && { shard: options.shard }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.fileSystem && { fileSystem: options.fileSystem }),
    history: historySettings(run.layout, limitsOf(run.config.maxFileBytes), options),
    limits: limitsOf(run.config.maxFileBytes),
  });
}

/**
 * The translator's work lists: per article and locale, the source sections added, changed (with
 * a diff of the source section) and removed since the version the translation was made from.
 */
export async function workLists(options: CheckOptions = {}): Promise<WorkList[]> {
  const run = await resolveRun(options);
  const limits = limitsOf(run.config.maxFileBytes);
  const history = await openHistory(run.layout.root, historySettings(run.layout, limits, options));
  try {
    const frontMatterKeys = (run.rules.find((active) => active.rule.id === "stale-source")?.options.frontMatterKeys as string[] | undefined) ?? ["title", "description"];
    return await collectWorkLists(
      { layout: run.layout, ...(run.locales && { locales: run.locales }), ...(options.articles && { articles: options.articles }) },
      { history, limits, frontMatterKeys },
    );
  } finally {
    history.close();
  }
}

/** How history is read: pins from the layout's keys, skip markers from the options. Plain data, for worker threads. */
function historySettings(layout: TreeLayout, limits: ParseLimits, options: CheckOptions): BaselineOptions & { enabled: boolean } {
  return {
    enabled: options.history ?? true,
    pinKeys: layout.keys.sourceCommit,
    hashPinKeys: layout.keys.sourceHash,
    skipMarkers: options.skipMarkers ?? DEFAULT_BASELINE_OPTIONS.skipMarkers,
    limits,
  };
}

function limitsOf(maxFileBytes: number | undefined): ParseLimits {
  return { ...DEFAULT_PARSE_LIMITS, ...(maxFileBytes !== undefined && { maxFileBytes }) };
}

export { DriftError, type DriftErrorCode } from "./errors.js";
export type { Config } from "./config/load.js";
export { PRESETS, PRESET_NAMES, type Preset, type PresetName } from "./config/presets/index.js";
export type { Finding, FindingDraft, RelatedPlace, Severity } from "./model/finding.js";
export type { ParsedDocument, Section } from "./model/document.js";
export type { AlignedSection, Alignment, AlignmentMethod, BaselineMethod, Pair, TranslationBaseline, UnpairedFile } from "./model/pair.js";
export type { ArticleOutline, LocaleSummary, OutlineRow, Report, ReportSummary, SectionOutline, TranslationOutline } from "./model/report.js";
export type { FileContext, Rule, RuleContext } from "./model/rule.js";
export type { RuleLevel, RuleSetting, RuleSettings } from "./engine/rule-settings.js";
export type { LocaleLayout, TreeLayout } from "./tree/layout.js";
export type { Shard } from "./engine/run.js";
export type { FileSystem } from "./io/file-system.js";
export { RULES } from "./rules/index.js";
export { alignSections } from "./align/align.js";
export { parseDocument } from "./parse/document.js";
export type { ChangeKind, SectionRef } from "./history/compare.js";
export type { WorkList, WorkState } from "./history/worklist.js";
export type { HistoryGap, PinProblem } from "./model/pair.js";
export type { HistorySummary, RunFacts } from "./model/rule.js";
