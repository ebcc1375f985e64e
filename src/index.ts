import type { Config } from "./config/load.js";
import { changedArticles } from "./tree/changed.js";
import { resolveRun, type ResolvedRun } from "./engine/resolve-run.js";
import { runEngine, type EngineResult, type Shard } from "./engine/run.js";
import type { Collect } from "./engine/article.js";
import { articleFromPath, slugCandidates } from "./tree/article-path.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "./io/file-system.js";
import path from "node:path";
import { DriftError } from "./errors.js";
import { compareText } from "./util/compare-text.js";
import { joinRelative } from "./tree/discover.js";
import type { Report, ScopedArticle } from "./model/report.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse/document.js";
import { DEFAULT_BASELINE_OPTIONS, type BaselineOptions } from "./history/baseline.js";
import type { WorkList } from "./history/worklist.js";
import type { TreeLayout } from "./tree/layout.js";
import { repositoryAddress } from "./git/remote.js";
import { workStatusOf, type StatusState, type WorkStatus } from "./report/work-status.js";

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
  /**
   * Exact articles, each as a path in the tree (`content/en/docs/x.md`, or a translation's path)
   * or relative to the source directory (`docs/x.md`); default: all.
   */
  articleFiles?: readonly string[];
  /** Check only the articles changed since this git commit, and those linking to them. */
  changedSince?: string;
  /** Worker threads; 0 checks in this thread; default: chosen by the size of the tree. */
  workers?: number;
  /** Each worker thread's old-generation heap in MiB (at least 64); default: V8's own bound. */
  workerHeapMb?: number;
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
  /** Called with what the tree lacks that the configuration names (a listed locale without its folder); the run goes on. */
  onWarning?: (message: string) => void;
  /** Front matter key a source must set to `true` to be meant for translation; default: the configuration's `history.trackProperty`. */
  trackProperty?: string;
  /** Rule levels over the configuration's, such as `{ "pin-not-updated": "warning" }` for a pull request check. */
  rules?: RuleSettings;
  /** Where the reports of this run are written (`report --out`), when not `<root>/reports`: left out of discovery, like the default. */
  outputDir?: string;
  /**
   * Hold the report's findings and outlines deflated (true: less memory, more time) or as objects
   * (false); default: the results checked in this run deflated, those read from the cache only
   * from 10,000 files. Either way they are read-only arrays.
   */
  packReport?: boolean;
}

/**
 * Checks a tree and returns the report that the JSON output serializes. Its `findings` and
 * `articles` are read-only arrays; what the run checked (and, in a large tree, what it read from
 * the cache) is held deflated, each item decoded when read (see report/packed.ts).
 */
export async function check(options: CheckOptions = {}): Promise<Report> {
  let config: Config = {};
  let root = ".";
  const { report } = await runWith(options, (run) => {
    config = run.config;
    root = run.layout.root;
    return {};
  });
  // Where the tree lives, for the reports' links: configured, else the git remote, when it is a web address.
  const repository = config.repository ?? (options.history === false ? undefined : await repositoryAddress(root));
  // The team's failure policy travels with the report, so `check`, `merge` and the Action judge alike.
  return { ...report, ...(repository && { repository }), ...(config.failOn && { failOn: config.failOn }) };
}

/**
 * The translator's work lists: per article and locale, the source sections added, changed (with
 * a diff of the source section) and removed since the version the translation was made from.
 * The same engine run as `check`, with each pair's work list gathered as well.
 */
export async function workLists(options: CheckOptions = {}): Promise<WorkList[]> {
  // The translated front matter keys are the layout's, as `stale-source` counts them.
  return (await runWith(options, (run) => ({ workLists: workListKeys(run) }))).workLists;
}

/**
 * `status`: every translation's state (the report's, as `check` gives it) with the size of its
 * work, ranked per locale; `states` filters (default: all but current). One engine run.
 */
export async function workStatus(options: CheckOptions & { states?: readonly StatusState[] } = {}): Promise<WorkStatus> {
  const { report, workLists } = await runWith(options, (run) => ({ workLists: workListKeys(run) }));
  return workStatusOf(report, workLists, options.states);
}

/** The front matter keys work lists compare: the translated ones, and those whose values must equal the source's (as `metadata-drift` has them). */
function workListKeys(run: ResolvedRun): { frontMatterKeys: readonly string[]; equalKeys: readonly string[] } {
  const metadata = run.rules.find((active) => active.rule.id === "metadata-drift");
  const ruleKeys = Array.isArray(metadata?.options.equalKeys) ? (metadata.options.equalKeys as string[]) : [];
  return { frontMatterKeys: run.layout.keys.translated, equalKeys: metadata ? [...new Set([...ruleKeys, ...(run.layout.keys.equal ?? [])])] : [] };
}

async function runWith(options: CheckOptions, collect?: (run: ResolvedRun) => Collect): Promise<EngineResult> {
  const run = await resolveRun(options);
  for (const warning of run.layout.warnings) options.onWarning?.(warning);
  const limits = limitsOf(run.config.maxFileBytes);
  const articleList = await selectedList(run, limits, options);
  return runEngine({
    ...(articleList && { articleList }),
    ...(options.changedSince !== undefined && { changedSince: options.changedSince }),
    layout: run.layout,
    rules: run.rules,
    ruleActivation: run.ruleActivation,
    ...(run.locales && { locales: run.locales }),
    ...(options.articles && { articles: options.articles }),
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.workerHeapMb !== undefined && { workerHeapMb: options.workerHeapMb }),
    ...(options.packReport !== undefined && { packReport: options.packReport }),
    ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }),
    ...(options.shard && { shard: options.shard }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.fileSystem && { fileSystem: options.fileSystem }),
    ...(collect && { collect: collect(run) }),
    ...(trackProperty(options, run.config) !== undefined && { trackProperty: trackProperty(options, run.config)! }),
    history: historySettings(run.layout, limits, options, run.config),
    limits,
  });
}

/**
 * Exact articles from `articleFiles` and `changedSince`; both given, those in both. A named article
 * is checked in every locale; a changed one in the locales its change touched ("all" when its
 * source changed).
 */
async function selectedList(run: ResolvedRun, limits: ParseLimits, options: CheckOptions): Promise<ScopedArticle[] | undefined> {
  const named = options.articleFiles && (await Promise.all(options.articleFiles.map((file) => namedArticle(run.layout, file, options.fileSystem))));
  if (options.changedSince === undefined) return named && [...new Set(named)].sort(compareText).map((article) => ({ article, locales: "all" }));
  const changed = await changedArticles(run.layout, options.changedSince, limits, options.fileSystem);
  return named ? changed.filter((entry) => named.includes(entry.article)) : changed;
}

/** An article named by path must exist: a typo is a usage error, not an empty result. */
async function namedArticle(layout: TreeLayout, typed: string, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<string> {
  // Where translations match by slug, a translation's `de/page.md` names the source `page.mdx`.
  for (const article of slugCandidates(layout, articleFromPath(layout, typed))) {
    const found = await fileSystem.lstat(path.join(layout.root, joinRelative(layout.sourceDir, article))).then(
      (stats) => !stats.isDirectory(),
      () => false,
    );
    if (found) return article;
  }
  throw new DriftError("USAGE", `no article \`${typed}\` in \`${joinRelative(layout.sourceDir, ".")}/\``);
}


/**
 * How history is read: pins from the layout's keys, skip markers from the options, else the
 * configuration (`history.skipMarkers`, such as Starlight's `[i18nIgnore]`), else the defaults.
 * Plain data, for worker threads.
 */
function historySettings(layout: TreeLayout, limits: ParseLimits, options: CheckOptions, config: Config): BaselineOptions & { enabled: boolean } {
  return {
    enabled: options.history ?? true,
    pinKeys: layout.keys.sourceCommit,
    hashPinKeys: layout.keys.sourceHash,
    skipMarkers: options.skipMarkers ?? config.history?.skipMarkers ?? DEFAULT_BASELINE_OPTIONS.skipMarkers,
    limits,
  };
}

function trackProperty(options: CheckOptions, config: Config): string | undefined {
  return options.trackProperty ?? config.history?.trackProperty;
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
export type { ArticleOutline, LocaleSummary, OutlineRow, Report, ReportScope, ReportSummary, ScopedArticle, SectionOutline, TranslationOutline } from "./model/report.js";
export type { FileContext, Rule, RuleContext } from "./model/rule.js";
export type { RuleLevel, RuleSetting, RuleSettings } from "./engine/rule-settings.js";
import type { RuleSettings } from "./engine/rule-settings.js";
export type { LocaleLayout, TreeLayout } from "./tree/layout.js";
export type { Shard } from "./engine/run.js";
export type { FileSystem } from "./io/file-system.js";
export { RULES } from "./rules/index.js";
export { alignSections } from "./align/align.js";
export { parseDocument } from "./parse/document.js";
export type { ChangeKind, SectionRef } from "./history/compare.js";
export type { WorkList, WorkState } from "./history/worklist.js";
export { STATUS_STATES, type StatusEntry, type StatusState, type WorkStatus } from "./report/work-status.js";
export type { HistoryGap, PinProblem } from "./model/pair.js";
export type { HistorySummary, RunFacts } from "./model/rule.js";
