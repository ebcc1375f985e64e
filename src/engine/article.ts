import { alignSections } from "../align/align.js";
import { DriftError } from "../errors.js";
import type { ParsedDocument } from "../model/document.js";
import type { Finding, FindingDraft } from "../model/finding.js";
import type { Pair, UnpairedFile } from "../model/pair.js";
import type { RunFacts } from "../model/rule.js";
import type { ArticleOutline, SectionOutline, TranslationOutline } from "../model/report.js";
import type { ParseLimits } from "../parse/document.js";
import type { FileSystem } from "../io/file-system.js";
import { emptyTally, tallyBaseline, type HistoryProvider, type HistoryTally } from "../history/provider.js";
import type { AnchorIndex, Dependency } from "./anchor-index.js";
import { type DocumentCache } from "./cache.js";
import { digest } from "../util/hash.js";
import { readForCheck, toDocument } from "./load.js";
import type { ActiveRule } from "./rule-settings.js";

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
}

export interface ArticleResult {
  findings: Finding[];
  outline: ArticleOutline;
  /** How finding this article's baselines went, to be added up for the whole run. */
  history: HistoryTally;
}

/**
 * Reads, parses and checks one article against each of its locales. Only this article's files are
 * held, so memory stays flat however large the tree.
 */
export async function checkArticle(task: ArticleTask, context: ArticleContext): Promise<ArticleResult> {
  const { article, sourceFile } = task;
  const present = task.locales.filter((locale) => locale.present);
  const reads = await Promise.all([sourceFile, ...present.map((locale) => locale.file)].map((file) => readForCheck(context.root, file, context.limits, context.fileSystem)));
  // The result depends on the task and the files' contents only (rules and options are in the
  // cache's salt), so unchanged articles are not parsed again.
  const key = context.cache ? digest(JSON.stringify(task), ...reads.map((read) => read.hash)) : undefined;
  if (key !== undefined) {
    const cached = await context.cache!.getArticle(key);
    if (cached && (await unchanged(cached.dependencies, context))) return cached.result;
  }
  const [source, ...translated] = await Promise.all(reads.map((read) => toDocument(read, context.limits, context.cache)));
  const findings = fileFindings(source!, article, context.sourceLocale, undefined, true, context);
  const dependencies: Dependency[] = [];
  const history = emptyTally();
  const outline: ArticleOutline = { article, file: sourceFile, sections: source!.sections.filter(isHeading).map(toOutline), translations: [] };

  for (const locale of task.locales) {
    if (!locale.present) {
      const unpaired: UnpairedFile = { article, locale: locale.name, file: sourceFile, side: "source", expectedFile: locale.file };
      findings.push(...unpairedFindings(unpaired, context.rules, context.sourceLocale));
      outline.translations.push({ locale: locale.name, file: locale.file, status: "missing", state: "missing", reasons: [], rows: [] });
      continue;
    }
    const translation = translated[present.indexOf(locale)]!;
    findings.push(...fileFindings(translation, article, locale.name, locale.code, false, context));
    if (!source!.usable || !translation.usable) {
      outline.translations.push({ locale: locale.name, file: translation.file, status: "unreadable", state: "unreadable", reasons: [], rows: [] });
      continue;
    }
    const linked = await context.anchors.linkedIds(translation);
    dependencies.push(...linked.dependencies);
    const pair: Pair = {
      article,
      locale: locale.name,
      source: source!,
      translation,
      alignment: alignSections(source!.sections, translation.sections),
      linkedIds: linked.ids,
      ...(locale.movedFrom !== undefined && { translationAt: locale.movedFrom }),
    };
    if (context.history) {
      pair.baseline = await context.history.baselineFor(sourceFile, source!, translation);
      tallyBaseline(history, pair.baseline, translation.file);
    }
    findings.push(...pairFindings(pair, context.rules, context.sourceLocale));
    outline.translations.push(translationOutline(pair));
  }
  const result = { findings, outline, history };
  if (key !== undefined) await context.cache!.setArticle(key, { result, dependencies });
  return result;
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
  const findings: Finding[] = [];
  for (const active of rules) {
    if (!active.rule.checkRun) continue;
    const drafts = guard(active, where, () => active.rule.checkRun!(facts, { options: active.options, sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, sourceLocale, "")));
  }
  return findings;
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
  const findings: Finding[] = [];
  for (const active of context.rules) {
    if (!active.rule.checkFile) continue;
    // An unusable document has only its problems to report; other rules would see an empty file.
    if (!document.usable && active.rule.id !== "parse-error") continue;
    const fileContext = { document, locale, isSource, options: active.options, sourceLocale: context.sourceLocale };
    const drafts = guard(active, document.file, () => active.rule.checkFile!(localeCode === undefined ? fileContext : { ...fileContext, localeCode }));
    findings.push(...drafts.map((draft) => stamp(draft, active, locale, article)));
  }
  return findings;
}

function pairFindings(pair: Pair, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const findings: Finding[] = [];
  for (const active of rules) {
    if (!active.rule.checkPair) continue;
    const drafts = guard(active, pair.translation.file, () => active.rule.checkPair!(pair, { options: active.options, sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, pair.locale, pair.article)));
  }
  return findings;
}

function unpairedFindings(unpaired: UnpairedFile, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const findings: Finding[] = [];
  for (const active of rules) {
    if (!active.rule.checkUnpaired) continue;
    const drafts = guard(active, unpaired.file, () => active.rule.checkUnpaired!(unpaired, { options: active.options, sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, unpaired.locale, unpaired.article)));
  }
  return findings;
}

/** A rule that throws is a bug in the tool: stop with the rule and file named, never swallow it. */
function guard(active: ActiveRule, file: string, run: () => FindingDraft[]): FindingDraft[] {
  try {
    return run();
  } catch (error) {
    throw new DriftError("RULE_FAILED", `rule \`${active.rule.id}\` failed on \`${file}\`: ${error instanceof Error ? error.message : String(error)}`, { ruleId: active.rule.id, file }, { cause: error });
  }
}

/** The finding in its published key order: the JSON output depends on it. */
function stamp(draft: FindingDraft, active: ActiveRule, locale: string, article: string): Finding {
  const fingerprint = fingerprintOf(active.rule.id, article, locale, draft.anchor, draft.message);
  return {
    ruleId: active.rule.id,
    severity: active.severityConfigured ? active.severity : (draft.severity ?? active.severity),
    locale,
    article,
    file: draft.file,
    ...(draft.line !== undefined && { line: draft.line }),
    ...(draft.column !== undefined && { column: draft.column }),
    ...(draft.anchor !== undefined && { anchor: draft.anchor }),
    message: draft.message,
    ...(draft.related !== undefined && draft.related.length > 0 && { related: draft.related }),
    ...(draft.data !== undefined && { data: draft.data }),
    fingerprint,
  };
}

/** Lines are left out on purpose: an edit above the problem must not make it look new. */
export function fingerprintOf(ruleId: string, article: string, locale: string, anchor: string | undefined, message: string): string {
  return digest(ruleId, article, locale, anchor ?? "", message).slice(0, 32);
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
    if (row.method !== undefined && outlineRow.source !== undefined && outlineRow.translation !== undefined) outlineRow.method = row.method;
    rows.push(outlineRow);
  }
  // The state is given once every finding is known (`assignStates`).
  return { locale: pair.locale, file: pair.translation.file, status: "translated", state: "current", reasons: [], rows };
}
