import path from "node:path";
import { toPosix } from "../util/posix-path.js";
import type { TreeLayout } from "./layout.js";

/**
 * The article a root-relative file belongs to (relative to the source directory), if it is under
 * the source directory or a locale's.
 */
export function articleOfFile(layout: TreeLayout, file: string): string | undefined {
  for (const dir of [layout.sourceDir, ...layout.locales.map((locale) => locale.dir)]) {
    const prefix = dir === "." ? "" : `${dir.replace(/\/$/, "")}/`;
    if (file.startsWith(prefix) && file.length > prefix.length) return file.slice(prefix.length);
  }
  return undefined;
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
    const prefix = dir === "." ? "" : `${dir.replace(/\/$/, "")}/`;
    if (!file.startsWith(prefix) || file.length <= prefix.length || (best && best.prefix >= prefix.length)) continue;
    best = { article: file.slice(prefix.length), ...(locale !== undefined && { locale }), prefix: prefix.length };
  }
  return best && { article: best.article, ...(best.locale !== undefined && { locale: best.locale }) };
}

/**
 * What a user typed for an article: a path in the tree (`content/en/docs/x.md`, a translation's
 * `content/de/docs/x.md`), or a path relative to the source directory (`docs/x.md`).
 */
export function articleFromPath(layout: TreeLayout, typed: string): string {
  const file = path.posix.normalize(toPosix(typed)).replace(/^\.\//, "");
  return articleOfFile(layout, file) ?? file;
}
