import type { PresetKeys } from "../config/presets/index.js";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import picomatch from "picomatch";
import type Tinypool from "tinypool";
import type { Finding } from "../model/finding.js";
import type { Report, ReportScope, RunSummary, ScopedArticle } from "../model/report.js";
import type { FileSystem } from "../io/file-system.js";
import type { ParseLimits } from "../parse/document.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { checkOrphan, runFindings, type ArticleContext, type ArticleTask, type Collect } from "./article.js";
import { createArticleContext, type ContextSetup } from "./context.js";
import { fromPlainError } from "./plain-error.js";
import type { WorkList } from "../history/worklist.js";
import { digest } from "../util/hash.js";
import { MessageChannel } from "node:worker_threads";
import type { HistoryScope } from "../git/history.js";
import { mergeTallies, type HistoryProvider, type SharedHistory } from "../history/provider.js";
import type { HistorySettings } from "./context.js";
import { joinRelative, takeInventory, type Inventory } from "../tree/discover.js";
import type { LocaleLayout, TreeLayout } from "../tree/layout.js";
import { movedTranslations } from "../tree/moved.js";
import { runGit } from "../git/run-git.js";
import type { ActiveRule, RuleSettings } from "./rule-settings.js";
import { sortFindings } from "../report/sort.js";
import { compareText } from "../util/compare-text.js";
import { summarize } from "../report/summary.js";
import type { WorkerJob, WorkerOutcome } from "./worker.js";
import { assembleReport, checkAndPack, groupsOf, type DeflatePolicy, type PackedResult } from "./packed-result.js";
import { buildModule } from "../package-files.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface EngineOptions {
  layout: TreeLayout;
  /** Locale names to check; all when absent. */
  locales?: readonly string[];
  /** Globs over source article paths (relative to the source directory); all when absent. */
  articles?: readonly string[];
  /**
   * Exact articles to check, such as those a pull request changed, each with the locales to check
   * it in (`"all"`: every selected locale); all articles when absent.
   */
  articleList?: readonly ScopedArticle[];
  /** The git ref `articleList` was computed from, recorded in the report's scope. */
  changedSince?: string;
  rules: readonly ActiveRule[];
  /** How `rules` were activated, for workers to do the same: rules are code, not data. */
  ruleActivation: { settings: RuleSettings; keys: PresetKeys };
  limits: ParseLimits;
  /** Worker threads; 0 or 1 checks in this thread; absent chooses by the size of the tree. */
  workers?: number;
  /** Cache directory; absent: no cache. */
  cacheDir?: string;
  /** Check only this share of the articles, for CI matrices. */
  shard?: Shard;
  /** Called after each article with the files read so far and in all; see `CheckOptions`. */
  onProgress?: (done: number, total: number) => void;
  /** Where files are listed and read; `node:fs` when absent. */
  fileSystem?: FileSystem;
  /** How to read git history for translation baselines; absent: no baselines. Plain data, for workers. */
  history?: HistorySettings;
  /** What to gather from each pair besides findings, such as work lists. */
  collect?: Collect;
  /** Front matter key a source must have (true) to be meant for translation; its translations are `untracked` otherwise. */
  trackProperty?: string;
  /** Hold the report's lists deflated (true) or as objects (false); absent: results checked anew deflated, cached ones from `DEFLATE_FROM_FILES` files. */
  packReport?: boolean;
  /** Each worker thread's old-generation heap, in MiB; V8's own bound when absent (see `checkAll`). */
  workerHeapMb?: number;
}

/** The report, and what `collect` asked for, in article then locale order. */
export interface EngineResult {
  report: Report;
  workLists: WorkList[];
}

export type { HistorySettings };

/** Below this many articles, starting workers costs more than it saves. */
const ARTICLES_PER_WORKER_START = 100;
const BATCH_SIZE = 8;

/**
 * The one pipeline: checks every article of the tree against every selected locale, in this
 * thread or in workers, and builds the report; `check`, `diff`, `status` and the API all use it.
 */
export async function runEngine(options: EngineOptions): Promise<EngineResult> {
  const { layout } = options;
  const inventory = await takeInventory(layout, options.fileSystem);
  const selected = layout.locales.filter((locale) => !options.locales || options.locales.includes(locale.name));
  const matchesGlobs = options.articles && options.articles.length > 0 ? picomatch([...options.articles]) : () => true;
  const articleList = options.articleList && bySource(options.articleList, inventory);
  const listed = articleList ? new Map(articleList.map((entry) => [entry.article, entry.locales])) : undefined;
  const inScope = (article: string) => matchesGlobs(article) && (listed === undefined || listed.has(article));
  // A change to translations only is judged in the locales it touched: a Japanese pull request
  // does not fail on the Chinese translation of the same article.
  const inLocale = (article: string, locale: string) => {
    const locales = listed?.get(article);
    return locales === undefined || locales === "all" || locales.includes(locale);
  };
  const inShard = (index: number) => !options.shard || index % options.shard.count === options.shard.index - 1;
  const scope: Scope = {
    selected,
    articles: inventory.articles.filter((article) => inScope(article)).filter((_, index) => inShard(index)),
    sources: new Set(inventory.articles),
    inScope,
    inLocale,
    inShard,
  };
  // Loaded on demand, as the worker pool is: a run without history or threads does not pay for their modules.
  const history = options.history ? await (await import("../history/open.js")).openHistory(layout.root, options.history, historyScope(layout)) : undefined;
  try {
    return await checkTree(articleList ? { ...options, articleList } : options, inventory, scope, history);
  } finally {
    history?.close();
  }
}

/**
 * The listed articles by source path: a changed translation that matches its source by slug
 * (`de/page.md` for `page.mdx`) stands for the source's article. Sorted, as the report records it.
 */
function bySource(list: readonly ScopedArticle[], inventory: Inventory): ScopedArticle[] {
  const sources = new Set(inventory.articles);
  const listed = new Map<string, ScopedArticle["locales"]>();
  for (const entry of list) {
    let article = entry.article;
    if (entry.locales !== "all" && !sources.has(article)) {
      for (const locale of entry.locales) {
        for (const [source, relative] of inventory.bySlug.get(locale) ?? []) if (relative === entry.article) article = source;
      }
    }
    const current = listed.get(article);
    listed.set(article, current === "all" || entry.locales === "all" ? "all" : [...new Set([...(current ?? []), ...entry.locales])].sort(compareText));
  }
  return [...listed].sort(([a], [b]) => compareText(a, b)).map(([article, locales]) => ({ article, locales }));
}

/** History is read for the documents only: the source and locale folders, by the discovery globs. */
function historyScope(layout: TreeLayout): HistoryScope & { sourceDir: string } {
  const folders = [layout.sourceDir, ...layout.locales.map((locale) => locale.dir)].map((dir) => ({ dir, globs: layout.include }));
  return { folders, files: [], sourceDir: layout.sourceDir };
}

/** What this run checks: the selected locales, and the articles in the globs, list and shard. */
interface Scope {
  selected: readonly LocaleLayout[];
  articles: readonly string[];
  sources: ReadonlySet<string>;
  inScope: (article: string) => boolean;
  inLocale: (article: string, locale: string) => boolean;
  inShard: (index: number) => boolean;
}

async function checkTree(options: EngineOptions, inventory: Inventory, scope: Scope, history: HistoryProvider | undefined): Promise<EngineResult> {
  const { layout } = options;
  const { selected, articles, sources, inScope, inLocale, inShard } = scope;
  // A translation left at its source's old path is checked against the renamed source.
  const moved = movedTranslations(inventory.translations, sources, layout, history);

  const tasks: ArticleTask[] = articles.map((article) => ({
    article,
    sourceFile: joinRelative(layout.sourceDir, article),
    locales: selected.filter((locale) => inLocale(article, locale.name)).map((locale) => {
      const bySlug = inventory.bySlug.get(locale.name)?.get(article);
      const movedFrom = inventory.translations.get(locale.name)?.has(article) || bySlug !== undefined ? undefined : moved.get(locale.name)?.get(article);
      return {
        name: locale.name,
        ...(locale.code !== undefined && { code: locale.code }),
        file: joinRelative(locale.dir, bySlug ?? movedFrom ?? article),
        present: inventory.translations.get(locale.name)?.has(article) === true || bySlug !== undefined || movedFrom !== undefined,
        ...(movedFrom !== undefined && { movedFrom }),
      };
    }),
  }));
  // Cached results are valid for one state of history: a new commit can change every baseline.
  const historyKey = history ? await headCommit(layout.root) : "";
  // Results checked anew are held deflated, cached ones only in a large report (see report/packed.ts); `packReport` decides for both.
  const deflate: DeflatePolicy = options.packReport === undefined ? { fresh: true, cached: filesOf(tasks) >= DEFLATE_FROM_FILES } : { fresh: options.packReport, cached: options.packReport };
  const results = await checkAll(tasks, options, history, historyKey, deflate);

  // Findings of no article's result: translations without a source, and notes about the run.
  const others: Finding[] = [];
  const orphans = selected.flatMap((locale) => {
    const movedAway = new Set([...(moved.get(locale.name)?.values() ?? []), ...(inventory.bySlug.get(locale.name)?.values() ?? [])]);
    return [...(inventory.translations.get(locale.name) ?? [])]
      .filter((relative) => !sources.has(relative) && !movedAway.has(relative) && inScope(relative) && inLocale(relative, locale.name))
      .map((relative) => ({ relative, locale }));
  });
  orphans.forEach(({ relative, locale }, index) => {
    if (!inShard(index)) return;
    const unpaired = { article: relative, locale: locale.name, file: joinRelative(locale.dir, relative), side: "translation" as const, expectedFile: joinRelative(layout.sourceDir, relative) };
    others.push(...checkOrphan(unpaired, { rules: options.rules, sourceLocale: layout.sourceLocale }));
  });

  // The run facts go into the report too, so that `merge` can add up the shards' facts.
  const run: RunSummary | undefined = history && {
    sourceDir: layout.sourceDir,
    sourceLocale: layout.sourceLocale,
    history: history.summary(mergeTallies(results.map((result) => result.history))),
  };
  if (run) others.push(...runFindings({ sourceDir: run.sourceDir, history: run.history }, options.rules, layout.sourceLocale, layout.sourceDir));
  // Read-only lists over the packed results, deflated ones decoded as they are read.
  const packed = assembleReport(results, groupsOf(sortFindings(others), deflate.fresh), deflate.fresh);
  const report: Report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: summarize(packed.articles, selected.map((locale) => locale.name), packed.findings),
    ...(run && { run }),
    findings: packed.findings,
    articles: packed.articles,
  };
  const narrowed = reportScope(options, selected);
  if (narrowed) report.scope = narrowed;
  return { report, workLists: results.flatMap((result) => result.workLists ?? []) };
}

/** What a narrowed run checked, for the report; undefined when it checked every article and locale. */
function reportScope(options: EngineOptions, selected: readonly LocaleLayout[]): ReportScope | undefined {
  if (options.articleList === undefined && options.changedSince === undefined && options.locales === undefined) return undefined;
  return {
    ...(options.changedSince !== undefined && { changedSince: options.changedSince }),
    locales: selected.map((locale) => locale.name),
    sourceLocale: options.layout.sourceLocale,
    ...(options.articleList && { articles: options.articleList.map((entry) => ({ article: entry.article, locales: entry.locales === "all" ? "all" : [...entry.locales] })) }),
  };
}

/** The commit checked out, or "" outside a repository. */
async function headCommit(root: string): Promise<string> {
  const result = await runGit(root, ["rev-parse", "HEAD"]).catch(() => undefined);
  return result?.exitCode === 0 ? result.stdout.toString("utf8").trim() : "";
}

/** Results in task order, whichever thread checked them: the report must not depend on it. */
async function checkAll(tasks: readonly ArticleTask[], options: EngineOptions, history: HistoryProvider | undefined, historyKey: string, deflate: DeflatePolicy): Promise<PackedResult[]> {
  const setup = workerSetup(options, historyKey);
  // A substituted file system lives in this thread only.
  const workers = options.fileSystem ? 0 : workerCount(tasks.length, options.workers);
  const total = filesOf(tasks);
  let done = 0;
  const progress = (batch: readonly ArticleTask[]) => {
    done += filesOf(batch);
    options.onProgress?.(done, total);
  };
  let mainContext: ArticleContext | undefined;
  const inThisThread = () => (mainContext ??= createArticleContext(setup, { rules: options.rules, ...(history && { history }), ...(options.fileSystem && { fileSystem: options.fileSystem }) }));
  const finished = inOrder(tasks.length, (index) => progress([tasks[index]!]));
  // The tasks from `first` on, in this thread.
  const checkHere = (first: number) =>
    inTaskOrder(tasks.slice(first), ARTICLES_IN_FLIGHT, async (task, index) => {
      const { packed } = await checkAndPack(task, inThisThread(), deflate);
      finished(first + index);
      return packed;
    });
  if (workers <= 1) return checkHere(0);
  // With a cache, this thread checks articles until some had to be checked anew, and only then
  // starts workers for the rest: a warm run, or a pull request's with a few changed articles,
  // pays for no worker (on the generated 1,000-article tree, warm: 1.8 s in this thread, 2.4 s
  // with two workers that had only cache entries to read).
  const here = setup.cache ? await checkUntilMisses(tasks, inThisThread(), deflate, finished) : [];
  const rest = tasks.slice(here.length);
  const restWorkers = options.workers === undefined ? workerCount(rest.length, undefined) : workers;
  if (restWorkers <= 1) return [...here, ...(await checkHere(here.length))];
  const { default: Pool } = await import("tinypool");
  // Two batches per thread: one reads files while the other computes.
  const pool = new Pool({
    filename: WORKER_FILE,
    minThreads: restWorkers,
    maxThreads: restWorkers,
    idleTimeout: 1000,
    concurrentTasksPerWorker: BATCHES_PER_WORKER,
    // A bound on each worker's heap (`workerHeapMb`) is the caller's choice, not the default. V8 lets
    // a heap grow to several times what is live before it collects: on Astro docs (2,569 files, 14
    // locales) two unbounded workers peaked at 809 MiB in all, and at 455 MiB with 160 MiB each. But
    // on the generated 1,000-article tree the same bound made the check about 1.5 times slower
    // (44–48 s against 26–34 s, runs alternating), with garbage collection itself under 5% of each
    // worker's time. A batch that outgrows the bound is checked again in the main thread.
    ...(options.workerHeapMb !== undefined && { resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb } }),
  });
  // A worker that fails while running nothing (its tasks fail with its error otherwise) is
  // replaced by the pool; unheard, the pool's error event would end the process.
  pool.on("error", () => undefined);
  try {
    const batches: Array<{ first: number; tasks: ArticleTask[] }> = [];
    for (let start = 0; start < rest.length; start += BATCH_SIZE) batches.push({ first: here.length + start, tasks: rest.slice(start, start + BATCH_SIZE) });
    const results = await inTaskOrder(batches, batches.length, async (batch) => {
      const outcome = await runBatch(pool, setup, batch.tasks, deflate, history?.shared).catch(async (error: unknown) => {
        // A batch too large for a worker's heap is checked here, where the heap is not bounded.
        if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_OUT_OF_MEMORY") throw error;
        const checked: PackedResult[] = [];
        for (const task of batch.tasks) checked.push((await checkAndPack(task, inThisThread(), deflate)).packed);
        return { results: checked };
      });
      if ("error" in outcome) throw fromPlainError(outcome.error);
      batch.tasks.forEach((_, index) => finished(batch.first + index));
      return outcome.results;
    });
    return [...here, ...results.flat()];
  } finally {
    await pool.destroy();
  }
}

/** Progress counts files, which is what a reader of a progress bar expects to see. */
function filesOf(tasks: readonly ArticleTask[]): number {
  return tasks.reduce((sum, task) => sum + 1 + task.locales.filter((locale) => locale.present).length, 0);
}

/**
 * From this many files results read from the cache are held deflated too. Below it their objects
 * are a few tens of MB, and deflating them would cost more time than their memory is worth: 0.4 s
 * of a 1.4 s warm run on the generated tree of 4,922 files. At 99,952 files, deflated, the check
 * peaked at 506 MiB.
 */
const DEFLATE_FROM_FILES = 10_000;

/** Articles this thread checks anew, when there is a cache, before the rest go to workers. */
const MISSES_BEFORE_WORKERS = BATCH_SIZE;

/**
 * Checks tasks in this thread, in order, until `MISSES_BEFORE_WORKERS` of them were not in the
 * cache; returns the results of the tasks it checked, a prefix of `tasks` (none is started once
 * the count is reached, so those after the last started are left).
 */
async function checkUntilMisses(tasks: readonly ArticleTask[], context: ArticleContext, deflate: DeflatePolicy, finished: (index: number) => void): Promise<PackedResult[]> {
  let misses = 0;
  const outcomes = await inTaskOrder(tasks, ARTICLES_IN_FLIGHT, async (task, index) => {
    if (misses >= MISSES_BEFORE_WORKERS) return undefined;
    const { packed, cached } = await checkAndPack(task, context, deflate);
    if (!cached) misses++;
    finished(index);
    return packed;
  });
  const left = outcomes.indexOf(undefined);
  return (left === -1 ? outcomes : outcomes.slice(0, left)) as PackedResult[];
}

/** Articles checked at once in one thread: their reads (files, cache entries, old blobs) overlap the others' computing. */
const ARTICLES_IN_FLIGHT = 4;
const BATCHES_PER_WORKER = 2;

/**
 * Calls `report` for each index in order, as soon as it and every one before it are done, so that
 * progress reads the same whichever finished first.
 */
function inOrder(count: number, report: (index: number) => void): (index: number) => void {
  const finished = new Set<number>();
  let next = 0;
  return (index) => {
    finished.add(index);
    for (; next < count && finished.delete(next); next++) report(next);
  };
}

/**
 * Maps with at most `concurrency` calls at once, results in the items' order. When calls fail,
 * the first failing item's error is thrown, whichever failed first in time, so that a run's error
 * does not depend on timing.
 */
async function inTaskOrder<Item, Result>(items: readonly Item[], concurrency: number, map: (item: Item, index: number) => Promise<Result>): Promise<Result[]> {
  const { default: pMap } = await import("p-map");
  const settled = await pMap(items, (item, index) => map(item, index).then((value) => ({ value }), (error: unknown) => ({ error })), { concurrency: Math.max(1, concurrency) });
  const failed = settled.find((outcome): outcome is { error: unknown } => "error" in outcome);
  if (failed) throw failed.error;
  return settled.map((outcome) => (outcome as { value: Result }).value);
}

/**
 * One batch in a worker. History stays in this thread: the batch carries the versions of its
 * files, and a port answers what else its baselines ask (old blobs, includes, pinned commits).
 */
async function runBatch(pool: Tinypool, setup: ContextSetup, tasks: ArticleTask[], deflate: DeflatePolicy, shared: SharedHistory | undefined): Promise<WorkerOutcome> {
  if (!shared) return (await pool.run({ setup, tasks, deflate } satisfies WorkerJob)) as WorkerOutcome;
  const files = tasks.flatMap((task) => [task.sourceFile, ...task.locales.filter((locale) => locale.present).map((locale) => locale.file)]);
  const channel = new MessageChannel();
  shared.serve(channel.port1);
  try {
    const job: WorkerJob = { setup, tasks, deflate, history: { slice: shared.slice(files), facts: shared.facts, port: channel.port2 } };
    return (await pool.run(job, { transferList: [channel.port2] })) as WorkerOutcome;
  } finally {
    channel.port1.close();
  }
}

/** Workers run the compiled worker; from TypeScript sources (as in unit tests) there is none. */
const WORKER_FILE = fileURLToPath(buildModule("engine/worker.js"));

function workerCount(articles: number, requested: number | undefined): number {
  if (!existsSync(WORKER_FILE)) return 0;
  // More threads than cores only cost memory: each has its own parser, git index and cat-file.
  if (requested !== undefined) return Math.min(availableParallelism(), Math.max(0, Math.floor(requested)));
  if (articles < ARTICLES_PER_WORKER_START) return 0;
  return Math.min(availableParallelism(), Math.ceil(articles / ARTICLES_PER_WORKER_START), 8);
}

function workerSetup(options: EngineOptions, historyKey: string): ContextSetup {
  const { layout, limits } = options;
  const setup: ContextSetup = {
    root: layout.root,
    ruleSettings: options.ruleActivation.settings,
    keys: options.ruleActivation.keys,
    limits,
    sourceLocale: layout.sourceLocale,
    ...(options.history && { history: options.history }),
    ...(options.collect && { collect: options.collect }),
    ...(options.trackProperty !== undefined && { trackProperty: options.trackProperty }),
    ...(options.changedSince !== undefined && options.history && { changedSince: options.changedSince }),
  };
  if (options.cacheDir === undefined) return setup;
  // Everything besides file contents that a result depends on; file contents are in each key.
  const rules = options.rules.map((active) => [active.rule.id, active.severity, active.severityConfigured, active.options]);
  return { ...setup, cache: { directory: options.cacheDir, salt: digest(JSON.stringify({ rules, limits, sourceLocale: layout.sourceLocale, history: options.history ?? null, historyKey, collect: options.collect ?? null, trackProperty: options.trackProperty ?? null, changedSince: options.changedSince ?? null })) } };
}
