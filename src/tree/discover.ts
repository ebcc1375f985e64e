import fg from "fast-glob";
import path from "node:path";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { toPosix } from "../util/posix-path.js";
import { type TreeLayout } from "./layout.js";
import { compareText } from "../util/compare-text.js";

/** Where `report` writes by default, relative to the root. */
export const REPORTS_DIR = "reports";

/**
 * Paths under `dir` that match the include globs, relative to it, sorted. Not only files: a
 * directory named `x.md`, a link or a pipe is listed too, so that loading reports it instead of
 * it silently going missing.
 */
export async function listDocuments(layout: TreeLayout, dir: string, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<string[]> {
  const cwd = path.join(layout.root, dir);
  const entries = await fg(layout.include, {
    cwd,
    ignore: [...layout.exclude, ...outputFolderIn(layout.root, cwd)],
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

/**
 * Output is never input: where the default reports folder lies inside a directory of documents
 * (the `separate-repos` preset's source directory is the root), its files are not discovered,
 * or a second `report` would check `reports/drift.md` as an article.
 */
function outputFolderIn(root: string, cwd: string): string[] {
  const relative = path.relative(cwd, path.join(root, REPORTS_DIR));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return [];
  return [`${fg.escapePath(toPosix(relative))}/**`];
}

export interface Inventory {
  /** Source articles, relative to the source directory. */
  articles: string[];
  /** Per locale name, translations relative to the locale directory. */
  translations: Map<string, Set<string>>;
}

export async function takeInventory(layout: TreeLayout, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<Inventory> {
  const [articles, ...perLocale] = await Promise.all([
    listDocuments(layout, layout.sourceDir, fileSystem),
    ...layout.locales.map((locale) => listDocuments(layout, locale.dir, fileSystem)),
  ]);
  const translations = new Map<string, Set<string>>();
  layout.locales.forEach((locale, index) => translations.set(locale.name, new Set(perLocale[index])));
  return { articles: articles ?? [], translations };
}

/** `dir` + `relative` as a root-relative path with `/` separators. */
export function joinRelative(dir: string, relative: string): string {
  return path.posix.join(toPosix(dir), relative);
}
