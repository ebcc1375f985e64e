import type { MessagePort } from "node:worker_threads";
import type { ArticleContext, ArticleTask } from "./article.js";
import { createArticleContext, type ContextSetup } from "./context.js";
import type { HistorySlice } from "../history/access.js";
import { BlobCache } from "../history/baseline.js";
import { dateProvider, type SharedHistory } from "../history/provider.js";
import { workerProvider } from "../history/open.js";
import { toPlainError, type PlainError } from "./plain-error.js";
import { checkAndPack, type DeflatePolicy, type PackedResult } from "./packed-result.js";

export interface WorkerJob {
  setup: ContextSetup;
  tasks: ArticleTask[];
  /** Which results are sent deflated, and which as objects. */
  deflate: DeflatePolicy;
  /** The batch's share of history: its files' versions, and a port to the main thread for the rest. */
  history?: { slice: HistorySlice; facts: SharedHistory["facts"]; port: MessagePort };
}

/** A batch's results, or the error that stopped it, as plain data. */
export type WorkerOutcome = { results: PackedResult[] } | { error: PlainError };

let prepared: { key: string; context: ArticleContext; blobs: BlobCache } | undefined;

/**
 * Tinypool entry: checks a batch of articles; the context is built once per worker and setup.
 * No thread but the main one reads history: each batch brings what its baselines need.
 */
export default async function checkBatch(job: WorkerJob): Promise<WorkerOutcome> {
  try {
    const key = JSON.stringify(job.setup);
    if (prepared?.key !== key) prepared = { key, context: createArticleContext(job.setup, {}), blobs: new BlobCache() };
    const { context, blobs } = prepared;
    // Without a history to share (no repository, history off), baselines are dates, as in the main thread.
    const history = job.setup.history && (job.history ? workerProvider(job.history.slice, job.history.port, job.history.facts, job.setup.history, blobs) : dateProvider("disabled"));
    try {
      const batchContext: ArticleContext = history ? { ...context, history } : context;
      const results: PackedResult[] = [];
      for (const task of job.tasks) results.push((await checkAndPack(task, batchContext, job.deflate)).packed);
      return { results };
    } finally {
      history?.close();
    }
  } catch (error) {
    return { error: toPlainError(error) };
  }
}
