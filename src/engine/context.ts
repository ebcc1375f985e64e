import type { PresetKeys } from "../config/presets/index.js";
import type { FileSystem } from "../io/file-system.js";
import type { ParseLimits } from "../parse/document.js";
import type { HistoryProvider } from "../history/provider.js";
import { RULES } from "../rules/index.js";
import { AnchorIndex } from "./anchor-index.js";
import type { ArticleContext, Collect } from "./article.js";
import { openCache } from "./cache.js";
import type { BaselineOptions } from "../history/baseline.js";
import { activateRules, type ActiveRule, type RuleSettings } from "./rule-settings.js";

/** How to read git history for translation baselines: plain data, for workers. */
export type HistorySettings = BaselineOptions & { enabled: boolean };

/** What any thread needs to build the run's article context: plain data, as rules are code. */
export interface ContextSetup {
  root: string;
  ruleSettings: RuleSettings;
  /** The layout's front matter keys, which every rule gets in its context. */
  keys: PresetKeys;
  limits: ParseLimits;
  sourceLocale: string;
  cache?: { directory: string; salt: string };
  history?: HistorySettings;
  collect?: Collect;
  /** Front matter key that marks a source as meant for translation (`history.trackProperty`); absent: every source is. */
  trackProperty?: string;
  /** The git ref of the checked change (`--changed-since`), for the facts of what it did to each translation. */
  changedSince?: string;
}

/** What only the thread that builds the context has: live objects that cannot be sent to a worker. */
export interface LocalParts {
  /** The rules already activated from `ruleSettings`; activated here when absent. */
  rules?: readonly ActiveRule[];
  history?: HistoryProvider;
  /** A substituted file system lives in the main thread only. */
  fileSystem?: FileSystem;
}

/** The one way an article context is made, in the main thread and in workers alike. */
export function createArticleContext(setup: ContextSetup, local: LocalParts): ArticleContext {
  const cache = setup.cache && openCache(setup.cache.directory, setup.cache.salt);
  return {
    root: setup.root,
    rules: local.rules ?? activateRules(RULES, setup.ruleSettings, setup.keys),
    limits: setup.limits,
    sourceLocale: setup.sourceLocale,
    anchors: new AnchorIndex(setup.root, setup.limits, cache, undefined, local.fileSystem),
    ...(cache && { cache }),
    ...(local.fileSystem && { fileSystem: local.fileSystem }),
    ...(local.history && { history: local.history }),
    ...(setup.collect && { collect: setup.collect }),
    ...(setup.trackProperty !== undefined && { trackProperty: setup.trackProperty }),
    ...(setup.changedSince !== undefined && { changedSince: setup.changedSince }),
  };
}
