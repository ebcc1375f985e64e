import path from "node:path";
import { toPosix } from "../util/posix-path.js";
import type { TreeLayout } from "./layout.js";

/** Directories with `/` separators and no trailing one; `.` is the root. */
function prefixOf(dir: string): string {
  return dir === "." ? "" : `${dir.replace(/\/$/, "")}/`;
}

/**
 * The article a root-relative file belongs to (relative to the source directory), if it is under
 * the source directory or a locale's. The longest matching directory wins, so a file in a locale
 * folder inside the source directory (`docs/de/x.md`) is the locale's `x.md`, not `de/x.md`.
 */
export function articleOfFile(layout: TreeLayout, file: string): string | undefined {
  return ownerOfFile(layout, file)?.article;
}

/**
 * The article a root-relative file belongs to and, for a translation, its locale (absent for a
 * source). The longest matching directory wins, so a locale folder inside the source directory
 * (`docs/` with `docs/de/`) is the locale's.
 */
export function ownerOfFile(layout: TreeLayout, file: string): { article: string; locale?: string } | undefined {
  const dirs = [{ dir: layout.sourceDir, locale: undefined as string | undefined }, ...layout.locales.map((locale) => ({ dir: locale.dir, locale: locale.name }))];
  let best: { article: string; locale?: string; prefix: number } | undefined;
  for (const { dir, locale } of dirs) {
    const prefix = prefixOf(dir);
    if (!file.startsWith(prefix) || file.length <= prefix.length || (best && best.prefix >= prefix.length)) continue;
    best = { article: file.slice(prefix.length), ...(locale !== undefined && { locale }), prefix: prefix.length };
  }
  return best && { article: best.article, ...(best.locale !== undefined && { locale: best.locale }) };
}

/** Locale directories inside `dir`, relative to it: never part of `dir`'s own tree. */
export function nestedLocaleDirs(layout: TreeLayout, dir: string): string[] {
  const prefix = prefixOf(dir);
  return layout.locales
    .map((locale) => locale.dir)
    .filter((nested) => nested !== dir && nested.startsWith(prefix) && !nested.startsWith("../"))
    .map((nested) => nested.slice(prefix.length));
}

const PAGE_EXTENSION = /\.(?:md|mdx|markdown|mdoc)$/i;

/**
 * A page's slug as sites that route by it see it (Starlight, Astro's content collections): the
 * path without its extension, lower-cased, `x/index` the same as `x`.
 */
export function slugOf(relative: string): string {
  const slug = relative.replace(PAGE_EXTENSION, "").toLowerCase();
  return slug === "index" ? "" : slug.replace(/\/index$/, "");
}

/** The source paths an article typed as `x.md` may have where the layout matches by slug: `x.md`, `x.mdx`. */
export function slugCandidates(layout: TreeLayout, article: string): string[] {
  if (layout.match !== "slug" || !PAGE_EXTENSION.test(article)) return [article];
  const stem = article.replace(PAGE_EXTENSION, "");
  return [...new Set([article, `${stem}.md`, `${stem}.mdx`])];
}

/**
 * What a user typed for an article: a path in the tree (`content/en/docs/x.md`, a translation's
 * `content/de/docs/x.md`), or a path relative to the source directory (`docs/x.md`).
 */
export function articleFromPath(layout: TreeLayout, typed: string): string {
  const file = path.posix.normalize(toPosix(typed)).replace(/^\.\//, "");
  return articleOfFile(layout, file) ?? file;
}
