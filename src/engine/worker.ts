import type { PresetKeys } from "../config/presets/index.js";
import { RULES } from "../rules/index.js";
import { checkArticle, type ArticleResult, type ArticleTask } from "./article.js";
import { AnchorIndex } from "./anchor-index.js";
import { openCache } from "./cache.js";
import type { ParseLimits } from "../parse/document.js";
import { activateRules, type RuleSettings } from "./rule-settings.js";
import { openHistory } from "../history/provider.js";
import type { HistorySettings } from "./run.js";

/** What a worker needs to rebuild the run's context: plain data, as rules are code. */
export interface WorkerSetup {
  root: string;
  ruleSettings: RuleSettings;
  keys: PresetKeys;
  limits: ParseLimits;
  sourceLocale: string;
  cache?: { directory: string; salt: string };
  history?: HistorySettings;
}

export interface WorkerJob {
  setup: WorkerSetup;
  tasks: ArticleTask[];
}

let prepared: { key: string; context: Parameters<typeof checkArticle>[1] } | undefined;

/** Each thread reads history itself: one git log pass and one cat-file process, for the thread's life. */

/** Tinypool entry: checks a batch of articles; the context is built once per worker and setup. */
export default async function checkBatch(job: WorkerJob): Promise<ArticleResult[]> {
  const key = JSON.stringify(job.setup);
  if (prepared?.key !== key) {
    const { setup } = job;
    const cache = setup.cache && openCache(setup.cache.directory, setup.cache.salt);
    prepared?.context.history?.close();
    const history = setup.history && (await openHistory(setup.root, setup.history));
    prepared = {
      key,
      context: {
        root: setup.root,
        rules: activateRules(RULES, setup.ruleSettings, setup.keys),
        limits: setup.limits,
        sourceLocale: setup.sourceLocale,
        anchors: new AnchorIndex(setup.root, setup.limits, cache),
        ...(cache && { cache }),
        ...(history && { history }),
      },
    };
  }
  const results: ArticleResult[] = [];
  for (const task of job.tasks) results.push(await checkArticle(task, prepared.context));
  return results;
}
