import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DriftError } from "../errors.js";

export interface LocaleLayout {
  /** Folder name, used as the finding's `locale`. */
  name: string;
  /** Directory of the locale's tree, relative to the root, `/` separators. */
  dir: string;
  /** BCP 47 code, when configured. */
  code?: string;
}

/** Where sources and translations live. */
export interface TreeLayout {
  /** Absolute path of the tree. */
  root: string;
  /** Directory of the source articles, relative to the root. */
  sourceDir: string;
  sourceLocale: string;
  locales: LocaleLayout[];
  /** Globs, relative to the source and locale directories. */
  include: string[];
  exclude: string[];
}

export const DEFAULT_INCLUDE = ["**/*.md"];

/**
 * The default layout: `articles/` holds the sources and every folder under `locales/` is a
 * locale. No list of locales is kept anywhere: a new folder is a new locale.
 */
export async function discoverDefaultLayout(root: string): Promise<TreeLayout> {
  const absoluteRoot = path.resolve(root);
  await requireDirectory(absoluteRoot, `the root \`${root}\``);
  await requireDirectory(path.join(absoluteRoot, "articles"), `\`articles/\` in \`${root}\` (the English sources)`);
  let localeNames: string[] = [];
  try {
    const entries = await readdir(path.join(absoluteRoot, "locales"), { withFileTypes: true });
    localeNames = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw unreadable(`\`locales/\` in \`${root}\``, error);
  }
  return {
    root: absoluteRoot,
    sourceDir: "articles",
    sourceLocale: "en",
    locales: localeNames.sort(compareText).map((name) => ({ name, dir: `locales/${name}` })),
    include: DEFAULT_INCLUDE,
    exclude: [],
  };
}

async function requireDirectory(directory: string, what: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(directory)).isDirectory();
  } catch (error) {
    throw unreadable(what, error);
  }
  if (!isDirectory) throw new DriftError("ROOT_UNREADABLE", `${what} is not a directory`);
}

function unreadable(what: string, error: unknown): DriftError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`;
  return new DriftError("ROOT_UNREADABLE", `${what} ${reason}`, undefined, { cause: error });
}

/** Code-unit order: stable across machines, unlike `localeCompare`, which varies with ICU. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
