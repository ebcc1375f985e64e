import type { HistoryTally } from "../history/provider.js";
import type { Finding } from "../model/finding.js";
import type { ArticleOutline } from "../model/report.js";
import type { WorkList } from "../history/worklist.js";

/**
 * What checking one article gives: plain data, as it crosses worker threads and is cached. In a
 * file of its own so that the cache can describe its entries without importing the checker.
 */
export interface ArticleResult {
  findings: Finding[];
  outline: ArticleOutline;
  /** How finding this article's baselines went, to be added up for the whole run. */
  history: HistoryTally;
  /** One per locale of the task, in its order, when `collect.workLists` asks for them. */
  workLists?: WorkList[];
}

/** A file another document depends on, by content: a cached result is valid while it is unchanged. */
export interface Dependency {
  file: string;
  hash: string;
}

/** An article's result and the other files (linked translations) it was computed from. */
export interface CachedArticle {
  result: ArticleResult;
  dependencies: Dependency[];
}
