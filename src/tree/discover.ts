import fg from "fast-glob";
import fs from "node:fs";
import path from "node:path";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { toPosix } from "../util/posix-path.js";
import { type TreeLayout } from "./layout.js";
import { compareText } from "../util/compare-text.js";
import { nestedLocaleDirs, slugOf } from "./article-path.js";

/** Where `report` writes by default, relative to the root. */
export const REPORTS_DIR = "reports";

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
    ignore: [...layout.exclude, ...outputFolderIn(layout.outputDir ?? path.join(layout.root, REPORTS_DIR), cwd), ...nestedLocaleDirs(layout, dir).map((nested) => `${fg.escapePath(nested)}/**`)],
    onlyFiles: false,
    dot: false,
    // A link may point outside the tree or in a circle: never walked into, only reported.
    followSymbolicLinks: false,
    fs: lineBreakSafe(fileSystem.listing),
    suppressErrors: true,
    unique: true,
  });
  return entries.map(decodeName).sort(compareText);
}

/**
 * picomatch's `**` matches no line break, so fast-glob silently skipped every document under a
 * directory whose name holds LF or CR. Discovery lists through an adapter that shows those
 * characters as private-use stand-ins (U+E00A, U+E00D) to the matcher and turns them back in every
 * path it is given and every path it returns. (A name that holds a stand-in itself would be read
 * back wrongly and is not listed; such names are not text anyone writes.)
 */
const ENCODED: Readonly<Record<string, string>> = { "\n": "\ue00a", "\r": "\ue00d" };
const DECODED: Readonly<Record<string, string>> = { "\ue00a": "\n", "\ue00d": "\r" };

function encodeName(name: string): string {
  return name.replace(/[\r\n]/g, (char) => ENCODED[char]!);
}

function decodeName(name: string): string {
  return name.replace(/[\ue00a\ue00d]/g, (char) => DECODED[char]!);
}

type Listing = FileSystem["listing"];
type Callback = (error: NodeJS.ErrnoException | null, value?: unknown) => void;

function lineBreakSafe(listing: Listing): Listing {
  const base = { lstat: fs.lstat, stat: fs.stat, lstatSync: fs.lstatSync, statSync: fs.statSync, readdir: fs.readdir, readdirSync: fs.readdirSync, ...listing } as unknown as Record<string, (...args: unknown[]) => unknown>;
  const pathFirst = (name: string) => (target: unknown, ...rest: unknown[]) => base[name]!(typeof target === "string" ? decodeName(target) : target, ...rest);
  const encodeEntries = (entries: unknown): unknown =>
    Array.isArray(entries)
      ? entries.map((entry: unknown) => {
          if (typeof entry === "string") return encodeName(entry);
          const dirent = entry as fs.Dirent;
          if (!/[\r\n]/.test(dirent.name)) return dirent;
          return Object.assign(Object.create(Object.getPrototypeOf(dirent) as object) as fs.Dirent, dirent, { name: encodeName(dirent.name) });
        })
      : entries;
  return {
    lstat: pathFirst("lstat"),
    stat: pathFirst("stat"),
    lstatSync: pathFirst("lstatSync"),
    statSync: pathFirst("statSync"),
    readdir: (target: unknown, ...rest: unknown[]) => {
      const callback = rest.pop() as Callback;
      return base.readdir!(typeof target === "string" ? decodeName(target) : target, ...rest, (error: NodeJS.ErrnoException | null, entries?: unknown) => callback(error, encodeEntries(entries)));
    },
    readdirSync: (target: unknown, ...rest: unknown[]) => encodeEntries(base.readdirSync!(typeof target === "string" ? decodeName(target) : target, ...rest)),
  } as unknown as Listing;
}

/**
 * Output is never input: where the default reports folder lies inside a directory of documents
 * (the `separate-repos` preset's source directory is the root), its files are not discovered,
 * or a second `report` would check `reports/drift.md` as an article.
 */
function outputFolderIn(outputDir: string, cwd: string): string[] {
  const relative = path.relative(cwd, outputDir);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return [];
  return [`${fg.escapePath(toPosix(relative))}/**`];
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
