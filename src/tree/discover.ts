import fg from "fast-glob";
import path from "node:path";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { toPosix } from "../util/posix-path.js";
import { type TreeLayout } from "./layout.js";
import { compareText } from "../util/compare-text.js";
import { nestedLocaleDirs, slugOf } from "./article-path.js";

/**
 * Paths under `dir` that match the include globs, relative to it, sorted. Not only files: a
 * directory named `x.md`, a link or a pipe is listed too, so that loading reports it instead of
 * it silently going missing. Locale folders inside `dir` (Starlight's `de/` among the English
 * pages) belong to their locale, never to `dir`.
 */
export async function listDocuments(layout: TreeLayout, dir: string, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<string[]> {
  const cwd = path.join(layout.root, dir);
  const entries = await fg(layout.include, {
    cwd,
    ignore: [...layout.exclude, ...nestedLocaleDirs(layout, dir).map((nested) => `${fg.escapePath(nested)}/**`)],
    onlyFiles: false,
    dot: false,
    // A link may point outside the tree or in a circle: never walked into, only reported.
    followSymbolicLinks: false,
    fs: fileSystem.listing,
    suppressErrors: true,
    unique: true,
  });
  return entries.sort(compareText);
}

export interface Inventory {
  /** Source articles, relative to the source directory. */
  articles: string[];
  /** Per locale name, translations relative to the locale directory. */
  translations: Map<string, Set<string>>;
  /**
   * Per locale name, source article → its translation's relative path, where the layout matches
   * by slug and the two differ (`page.mdx` translated as `page.md`).
   */
  bySlug: Map<string, Map<string, string>>;
}

export async function takeInventory(layout: TreeLayout, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<Inventory> {
  const [articles = [], ...perLocale] = await Promise.all([
    listDocuments(layout, layout.sourceDir, fileSystem),
    ...layout.locales.map((locale) => listDocuments(layout, locale.dir, fileSystem)),
  ]);
  const translations = new Map<string, Set<string>>();
  layout.locales.forEach((locale, index) => translations.set(locale.name, new Set(perLocale[index])));
  const bySlug = new Map<string, Map<string, string>>();
  if (layout.match === "slug") {
    const sources = new Set(articles);
    const sourceBySlug = uniqueBySlug(articles);
    for (const [locale, relatives] of translations) {
      const aliases = new Map<string, string>();
      const unmatched = [...relatives].filter((relative) => !sources.has(relative));
      for (const [slug, relative] of uniqueBySlug(unmatched)) {
        const article = sourceBySlug.get(slug);
        if (article !== undefined && !relatives.has(article)) aliases.set(article, relative);
      }
      bySlug.set(locale, aliases);
    }
  }
  return { articles, translations, bySlug };
}

/** Slug → path, for the slugs only one path has: two files with one slug pair with nothing. */
function uniqueBySlug(relatives: readonly string[]): Map<string, string> {
  const bySlug = new Map<string, string | null>();
  for (const relative of relatives) {
    const slug = slugOf(relative);
    bySlug.set(slug, bySlug.has(slug) ? null : relative);
  }
  return new Map([...bySlug].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** `dir` + `relative` as a root-relative path with `/` separators. */
export function joinRelative(dir: string, relative: string): string {
  return path.posix.join(toPosix(dir), relative);
}
