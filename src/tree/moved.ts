import type { HistoryProvider } from "../history/provider.js";
import { joinRelative } from "./discover.js";
import type { TreeLayout } from "./layout.js";

/** Per locale: source article → the old path its translation still has, for sources renamed since. */
export type MovedTranslations = Map<string, Map<string, string>>;

/**
 * Translations whose source is gone from their path but was renamed (git rename detection): they
 * are checked against the source's new path instead of being reported as orphans.
 */
export function movedTranslations(
  translations: ReadonlyMap<string, ReadonlySet<string>>,
  sources: ReadonlySet<string>,
  layout: TreeLayout,
  history: HistoryProvider | undefined,
): MovedTranslations {
  const moved: MovedTranslations = new Map();
  if (!history) return moved;
  const sourcePrefix = `${joinRelative(layout.sourceDir, ".")}/`;
  for (const [locale, relatives] of translations) {
    const byArticle = new Map<string, string>();
    for (const relative of relatives) {
      if (sources.has(relative)) continue;
      const renamed = history.renamedSource(joinRelative(layout.sourceDir, relative));
      if (!renamed?.startsWith(sourcePrefix)) continue;
      const article = renamed.slice(sourcePrefix.length);
      if (sources.has(article) && !relatives.has(article) && !byArticle.has(article)) byArticle.set(article, relative);
    }
    moved.set(locale, byArticle);
  }
  return moved;
}
