import type { HistoryTally } from "../history/provider.js";
import type { WorkList } from "../history/worklist.js";
import type { Finding } from "../model/finding.js";
import type { ArticleOutline } from "../model/report.js";
import { packedArray, packItems, unpackItems, type PackedItems } from "../report/packed.js";
import { sortFindings } from "../report/sort.js";
import { assignStates } from "../report/states.js";
import { compareText } from "../util/compare-text.js";
import { checkOrRecall, type ArticleContext, type ArticleTask } from "./article.js";
import type { ArticleResult } from "./article-result.js";

/** Findings naming one article (or none: `""`), in report order. */
export interface FindingGroup {
  article: string;
  items: PackedItems;
}

/**
 * An article's result as the run keeps it, packed in the thread that checked it: its findings in
 * report order, grouped by the article they name (their own, in practice), and its outline with
 * each translation's state. A worker sends these bytes, not the objects, to the main thread.
 */
export interface PackedResult {
  article: string;
  findings: FindingGroup[];
  outline: PackedItems;
  history: HistoryTally;
  workLists?: WorkList[];
}

/**
 * Which results are held deflated (see report/packed.ts): those checked anew in this run, and those
 * read from the cache. Deflating costs little beside checking an article, but it is most of what a
 * cached result costs: a warm run over the generated 4,922-file tree took 1.76–1.85 s deflating
 * every result against 1.37–1.41 s holding them as objects.
 */
export interface DeflatePolicy {
  fresh: boolean;
  cached: boolean;
}

/** Checks one article and packs its result as `policy` says for where the result came from. */
export async function checkAndPack(task: ArticleTask, context: ArticleContext, policy: DeflatePolicy): Promise<{ packed: PackedResult; cached: boolean }> {
  const { result, cached } = await checkOrRecall(task, context);
  return { packed: packResult(result, cached ? policy.cached : policy.fresh), cached };
}

/** `deflate`: whether the lists are deflated or held as they are (see report/packed.ts). */
export function packResult(result: ArticleResult, deflate: boolean): PackedResult {
  const sorted = sortFindings(result.findings);
  const outline = assignStates([result.outline], sorted);
  return {
    article: result.outline.article,
    findings: groupsOf(sorted, deflate),
    outline: packItems(outline, deflate),
    history: result.history,
    ...(result.workLists && { workLists: result.workLists }),
  };
}

/** Sorted findings, one group per article they name (sorted by article, each article's are together). */
export function groupsOf(sorted: readonly Finding[], deflate: boolean): FindingGroup[] {
  const groups: Array<{ article: string; items: Finding[] }> = [];
  for (const finding of sorted) {
    const last = groups.at(-1);
    if (last?.article === finding.article) last.items.push(finding);
    else groups.push({ article: finding.article, items: [finding] });
  }
  return groups.map((group) => ({ article: group.article, items: packItems(group.items, deflate) }));
}

/**
 * The report's findings and outlines from the packed results, in the order one sort of every
 * finding gives: groups by article (code-unit order), and an article's groups from several places
 * (run notes, `""`) decoded, joined in the order they came and sorted again. Outlines stay in task
 * order. An outline whose article also has findings from elsewhere (none does today: a result's
 * findings name its article or none, and orphans are not sources) gets its states again from all.
 */
export function assembleReport(results: readonly PackedResult[], others: readonly FindingGroup[], deflate: boolean): { findings: readonly Finding[]; articles: readonly ArticleOutline[] } {
  const byArticle = new Map<string, FindingGroup[]>();
  const foreign = new Set<string>();
  const add = (group: FindingGroup, from: string | undefined) => {
    if (group.article !== from && group.article !== "") foreign.add(group.article);
    const groups = byArticle.get(group.article);
    if (groups) groups.push(group);
    else byArticle.set(group.article, [group]);
  };
  for (const result of results) for (const group of result.findings) add(group, result.article);
  for (const group of others) add(group, undefined);
  const findingsOf = (groups: readonly FindingGroup[]): Finding[] => groups.flatMap((group) => unpackItems<Finding>(group.items));
  const lists = [...byArticle.keys()].sort(compareText).map((article) => {
    const groups = byArticle.get(article)!;
    return groups.length === 1 ? groups[0]!.items : packItems(sortFindings(findingsOf(groups)), deflate);
  });
  const outlines = results.map((result) => {
    if (!foreign.has(result.article)) return result.outline;
    const [outline] = unpackItems<ArticleOutline>(result.outline);
    return packItems(assignStates([outline!], sortFindings(findingsOf(byArticle.get(result.article)!))), deflate);
  });
  return { findings: packedArray<Finding>(lists), articles: packedArray<ArticleOutline>(outlines) };
}
