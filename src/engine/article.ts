import { alignSections, baselineHints } from "../align/align.js";
import type { ParsedDocument } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import type { Pair, UnpairedFile } from "../model/pair.js";
import type { RunFacts } from "../model/rule.js";
import type { ArticleOutline, SectionOutline, TranslationOutline } from "../model/report.js";
import type { ParseLimits } from "../parse/document.js";
import { pairLocales } from "../parse/links.js";
import { frontMatterValue } from "../parse/front-matter.js";
import path from "node:path";
import type { FileSystem } from "../io/file-system.js";
import { emptyTally, tallyBaseline, type HistoryProvider } from "../history/provider.js";
import type { AnchorIndex } from "./anchor-index.js";
import type { ArticleResult, Dependency } from "./article-result.js";
import { type DocumentCache } from "./cache.js";
import { digest } from "../util/hash.js";
import { readForCheck, toDocument } from "./load.js";
import { missingWorkList, workListFor, type WorkList } from "../history/worklist.js";
import type { ActiveRule } from "./rule-settings.js";
import { checkedFile, fileContext, type HookScope, ruleContext, runHook } from "./hooks.js";

/** One article and where its translations are: plain data, so it can be sent to a worker. */
export interface ArticleTask {
  article: string;
  sourceFile: string;
  locales: ArticleLocale[];
}

export interface ArticleLocale {
  name: string;
  code?: string;
  /** Root-relative path where the translation is, or would be. */
  file: string;
  present: boolean;
  /** Set when the source was renamed and the translation is still at its old path (relative to the locale folder). */
  movedFrom?: string;
}

/** What checking an article needs besides the task; the same for every article of a run. */
export interface ArticleContext {
  root: string;
  rules: readonly ActiveRule[];
  limits: ParseLimits;
  sourceLocale: string;
  cache?: DocumentCache;
  /** Ids of linked files, for `other.md#x` links; one per thread, bounded. */
  anchors: AnchorIndex;
  /** Where files are read; `node:fs` when absent. */
  fileSystem?: FileSystem;
  /** Where translation baselines come from; without it no pair has one. */
  history?: HistoryProvider;
  /** What else to take from each pair besides findings. */
  collect?: Collect;
  /** Front matter key a source must set to `true` to be meant for translation; absent: every source is. */
  trackProperty?: string;
  /** The git ref of the checked change, when the run checks one. */
  changedSince?: string;
}

/** Per-pair data the engine gathers on request, as plain data (it crosses worker threads and the cache). */
export interface Collect {
  /** The translator's work list of each translation: source at its baseline against the source now. */
  workLists?: { frontMatterKeys: readonly string[]; equalKeys?: readonly string[] };
}

export type { ArticleResult } from "./article-result.js";

/**
 * Reads, parses and checks one article against each of its locales. Only this article's files are
 * held, so memory stays flat however large the tree.
 */
export async function checkArticle(task: ArticleTask, context: ArticleContext): Promise<ArticleResult> {
  return (await checkOrRecall(task, context)).result;
}

/** An article's result, and whether it was read from the cache (`cached`) or checked anew. */
export interface CheckedArticle {
  result: ArticleResult;
  cached: boolean;
}

/** `checkArticle`, saying where the result came from. */
export async function checkOrRecall(task: ArticleTask, context: ArticleContext): Promise<CheckedArticle> {
  const { article, sourceFile } = task;
  const present = task.locales.filter((locale) => locale.present);
  const reads = await Promise.all([sourceFile, ...present.map((locale) => locale.file)].map((file) => readForCheck(context.root, file, context.limits, context.fileSystem)));
  // The result depends on the task and the files' contents only (rules and options are in the
  // cache's salt), so unchanged articles are not parsed again.
  const key = context.cache ? digest(JSON.stringify(task), ...reads.map((read) => read.hash)) : undefined;
  if (key !== undefined) {
    const cached = await context.cache!.getArticle(key);
    if (cached && (await unchanged(cached.dependencies, context))) return { result: cached.result, cached: true };
  }
  const [source, ...translated] = await Promise.all(reads.map((read) => toDocument(read, context.limits, context.cache)));
  const findings = fileFindings(source!, article, context.sourceLocale, undefined, true, context);
  const dependencies: Dependency[] = [];
  const history = emptyTally();
  const outline: ArticleOutline = { article, file: sourceFile, sections: source!.sections.filter(isHeading).map(toOutline), translations: [] };
  const workKeys = context.collect?.workLists?.frontMatterKeys;
  const equalKeys = context.collect?.workLists?.equalKeys ?? [];
  const workLists: WorkList[] = [];
  if (!isTracked(source!, context.trackProperty)) {
    // Not meant for translation (Lunaria's `localizableProperty`): a state, never findings about its translations.
    for (const locale of task.locales) outline.translations.push({ locale: locale.name, file: locale.file, status: locale.present ? "translated" : "missing", state: "untracked", reasons: [], rows: [] });
    const result: ArticleResult = { findings, outline, history, ...(workKeys && { workLists }) };
    if (key !== undefined) await context.cache!.setArticle(key, { result, dependencies });
    return { result, cached: false };
  }

  for (const locale of task.locales) {
    if (!locale.present) {
      const unpaired: UnpairedFile = { article, locale: locale.name, file: sourceFile, side: "source", expectedFile: locale.file };
      for (const finding of unpairedFindings(unpaired, context.rules, context.sourceLocale)) findings.push(finding);
      outline.translations.push({ locale: locale.name, file: locale.file, status: "missing", state: "missing", reasons: [], rows: [] });
      if (workKeys) workLists.push(missingWorkList(article, locale.name, locale.file, source!));
      continue;
    }
    const translation = translated[present.indexOf(locale)]!;
    for (const finding of fileFindings(translation, article, locale.name, locale.code, false, context)) findings.push(finding);
    if (!source!.usable || !translation.usable) {
      outline.translations.push({ locale: locale.name, file: translation.file, status: "unreadable", state: "unreadable", reasons: [], rows: [] });
      if (workKeys) workLists.push(source!.usable ? unreadableWorkList(article, locale.name, source!, translation, workKeys) : missingWorkList(article, locale.name, locale.file, source!));
      continue;
    }
    const locales = pairLocales(context.sourceLocale, locale.name);
    const alignment = alignSections(source!.sections, translation.sections, locales);
    // Noted before the links are followed, so a page that links into itself is not parsed again.
    context.anchors.notePair({ document: source!, hash: reads[0]!.hash }, { document: translation, hash: reads[1 + present.indexOf(locale)]!.hash }, locales, alignment);
    const linked = await context.anchors.linkedIds(translation);
    dependencies.push(...linked.dependencies);
    const pages = await context.anchors.linkedSections([source!, translation], {
      article,
      sourceDir: folderOf(sourceFile, article),
      localeDir: folderOf(locale.file, locale.movedFrom ?? article),
      locales,
    });
    dependencies.push(...pages.dependencies);
    const pair: Pair = {
      article,
      locale: locale.name,
      source: source!,
      translation,
      alignment,
      locales,
      linkedIds: linked.ids,
      linkedSections: pages.sections,
      ...(locale.movedFrom !== undefined && { translationAt: locale.movedFrom }),
    };
    if (context.history) {
      pair.baseline = await context.history.baselineFor(sourceFile, source!, translation);
      tallyBaseline(history, pair.baseline, translation.file);
      // Aligned again where the translation was made from an older source: that version's
      // structure says which of today's sections each translated section stands for.
      const then = pair.baseline.source;
      if (then?.usable && then !== source) {
        const hints = baselineHints(then.sections, source!.sections, translation.sections, locales);
        if (hints.size > 0) pair.alignment = alignSections(source!.sections, translation.sections, locales, hints);
      }
      if (context.changedSince !== undefined) {
        const change = await context.history.changeSince(context.changedSince, translation);
        if (change) pair.change = change;
      }
    }
    for (const finding of pairFindings(pair, context.rules, context.sourceLocale)) findings.push(finding);
    outline.translations.push(translationOutline(pair));
    if (workKeys) workLists.push(workListFor(pair, workKeys, equalKeys));
  }
  const result: ArticleResult = { findings, outline, history, ...(workKeys && { workLists }) };
  if (key !== undefined) await context.cache!.setArticle(key, { result, dependencies });
  return { result, cached: false };
}

/**
 * A source is meant for translation when no property is configured, or its front matter sets the
 * property to `true` (Astro docs' `i18nReady: true`). An unreadable source stays tracked, so that its
 * problem is reported.
 */
function isTracked(source: ParsedDocument, trackProperty: string | undefined): boolean {
  if (trackProperty === undefined || !source.usable) return true;
  return frontMatterValue(source.frontMatter, trackProperty) === true;
}

/** The folder `file` is in when it holds `article` at its relative path: `docs/de/` for `docs/de/x/y.md` and `x/y.md`. */
function folderOf(file: string, article: string): string {
  return file.endsWith(article) ? file.slice(0, file.length - article.length) : `${path.posix.dirname(file)}/`;
}

/** A translation that cannot be read has no baseline to find: its outline is compared, and it is marked unknown. */
function unreadableWorkList(article: string, locale: string, source: ParsedDocument, translation: ParsedDocument, frontMatterKeys: readonly string[]): WorkList {
  const pair: Pair = { article, locale, source, translation, alignment: alignSections(source.sections, translation.sections) };
  return { ...workListFor(pair, frontMatterKeys), state: "unknown" };
}

/** A cached result also depends on the files its links reach: they must be as they were. */
async function unchanged(dependencies: readonly Dependency[], context: ArticleContext): Promise<boolean> {
  for (const dependency of dependencies) {
    if ((await readForCheck(context.root, dependency.file, context.limits, context.fileSystem)).hash !== dependency.hash) return false;
  }
  return true;
}

/** Findings about the whole run, such as how history went: said once, with no article. */
export function runFindings(facts: RunFacts, rules: readonly ActiveRule[], sourceLocale: string, where: string): Finding[] {
  const scope: HookScope = { locale: sourceLocale, article: "", files: [{ file: where }] };
  return collect(rules, "checkRun", (active) => runHook(active, where, scope, () => active.rule.checkRun!(facts, ruleContext(active, sourceLocale))));
}

/** Findings for a translation whose source path does not exist. */
export function checkOrphan(unpaired: UnpairedFile, context: Pick<ArticleContext, "rules" | "sourceLocale">): Finding[] {
  return unpairedFindings(unpaired, context.rules, context.sourceLocale);
}

function fileFindings(
  document: ParsedDocument,
  article: string,
  locale: string,
  localeCode: string | undefined,
  isSource: boolean,
  context: ArticleContext,
): Finding[] {
  const scope: HookScope = { locale, article, files: [checkedFile(document)] };
  // An unusable document has only its problems to report; other rules would see an empty file.
  const rules = document.usable ? context.rules : context.rules.filter((active) => active.rule.reportsUnusable === true);
  return collect(rules, "checkFile", (active) => {
    const facts = { document, locale, isSource, ...(localeCode !== undefined && { localeCode }) };
    return runHook(active, document.file, scope, () => active.rule.checkFile!(fileContext(active, context.sourceLocale, facts)));
  });
}

function pairFindings(pair: Pair, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const scope: HookScope = { locale: pair.locale, article: pair.article, files: [checkedFile(pair.translation), checkedFile(pair.source)] };
  return collect(rules, "checkPair", (active) => runHook(active, pair.translation.file, scope, () => active.rule.checkPair!(pair, ruleContext(active, sourceLocale))));
}

function unpairedFindings(unpaired: UnpairedFile, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const scope: HookScope = { locale: unpaired.locale, article: unpaired.article, files: [{ file: unpaired.file }] };
  return collect(rules, "checkUnpaired", (active) => runHook(active, unpaired.file, scope, () => active.rule.checkUnpaired!(unpaired, ruleContext(active, sourceLocale))));
}

/** Each rule that has the hook, in registry order; findings appended one by one. */
function collect(rules: readonly ActiveRule[], hook: "checkFile" | "checkPair" | "checkUnpaired" | "checkRun", run: (active: ActiveRule) => Finding[]): Finding[] {
  const findings: Finding[] = [];
  for (const active of rules) {
    if (active.rule[hook] === undefined) continue;
    for (const finding of run(active)) findings.push(finding);
  }
  return findings;
}

function isHeading(section: { level: number }): boolean {
  return section.level > 0;
}

function toOutline(section: { anchor: string; title: string; level: number; line: number }): SectionOutline {
  return { anchor: section.anchor, title: section.title, level: section.level, line: section.line };
}

function translationOutline(pair: Pair): TranslationOutline {
  // Outline rows index the source's headings only; the preamble is not a row.
  const headingIndex = new Map<number, number>();
  pair.source.sections.filter(isHeading).forEach((section, index) => headingIndex.set(section.index, index));
  const rows: TranslationOutline["rows"] = [];
  for (const row of pair.alignment.rows) {
    const translation = row.translation === undefined ? undefined : pair.translation.sections[row.translation];
    const source = row.source === undefined ? undefined : headingIndex.get(row.source);
    if (source === undefined && (translation === undefined || !isHeading(translation))) continue;
    const outlineRow: TranslationOutline["rows"][number] = {};
    if (source !== undefined) outlineRow.source = source;
    if (translation !== undefined && isHeading(translation)) outlineRow.translation = toOutline(translation);
    if (row.method !== undefined && outlineRow.source !== undefined && outlineRow.translation !== undefined) {
      outlineRow.method = row.method;
      if (row.evidence !== undefined) outlineRow.evidence = { score: row.evidence.score, kinds: [...row.evidence.kinds] };
    }
    rows.push(outlineRow);
  }
  // The state is given once every finding is known (`assignStates`).
  return { locale: pair.locale, file: pair.translation.file, status: "translated", state: "current", reasons: [], rows };
}
