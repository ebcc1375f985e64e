import type { ArticleContext, ArticleResult, ArticleTask } from "./article.js";
import { checkArticle } from "./article.js";
import { createArticleContext, type ContextSetup } from "./context.js";
import { openHistory } from "../history/provider.js";
import { toPlainError, type PlainError } from "./plain-error.js";

export interface WorkerJob {
  setup: ContextSetup;
  tasks: ArticleTask[];
}

/** A batch's results, or the error that stopped it, as plain data. */
export type WorkerOutcome = { results: ArticleResult[] } | { error: PlainError };

let prepared: { key: string; context: ArticleContext } | undefined;

/**
 * Tinypool entry: checks a batch of articles; the context is built once per worker and setup.
 * Each thread reads history itself: one git log pass and one cat-file process, for the thread's life.
 */
export default async function checkBatch(job: WorkerJob): Promise<WorkerOutcome> {
  try {
    const key = JSON.stringify(job.setup);
    if (prepared?.key !== key) {
      prepared?.context.history?.close();
      prepared = undefined;
      const history = job.setup.history && (await openHistory(job.setup.root, job.setup.history));
      prepared = { key, context: createArticleContext(job.setup, { ...(history && { history }) }) };
    }
    const results: ArticleResult[] = [];
    for (const task of job.tasks) results.push(await checkArticle(task, prepared.context));
    return { results };
  } catch (error) {
    return { error: toPlainError(error) };
  }
}
