import fg from "fast-glob";
import path from "node:path";
import { compareText, type TreeLayout } from "./layout.js";

/** Markdown files under `dir`, relative to it, sorted. */
export async function listDocuments(layout: TreeLayout, dir: string): Promise<string[]> {
  const cwd = path.join(layout.root, dir);
  const entries = await fg(layout.include, {
    cwd,
    ignore: layout.exclude,
    onlyFiles: true,
    dot: false,
    // A link may point outside the tree or in a circle; documents are real files.
    followSymbolicLinks: false,
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
}

export async function takeInventory(layout: TreeLayout): Promise<Inventory> {
  const [articles, ...perLocale] = await Promise.all([
    listDocuments(layout, layout.sourceDir),
    ...layout.locales.map((locale) => listDocuments(layout, locale.dir)),
  ]);
  const translations = new Map<string, Set<string>>();
  layout.locales.forEach((locale, index) => translations.set(locale.name, new Set(perLocale[index])));
  return { articles: articles ?? [], translations };
}

/** `dir` + `relative` as a root-relative path with `/` separators. */
export function joinRelative(dir: string, relative: string): string {
  return path.posix.join(dir.split(path.sep).join("/"), relative);
}
