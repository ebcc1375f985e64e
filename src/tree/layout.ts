import { compareText } from "../util/compare-text.js";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isWithin, toPosix } from "../util/posix-path.js";
import { checkGlob } from "./globs.js";
import type { Config } from "../config/load.js";
import { PRESETS, type PresetKeys, type PresetName } from "../config/presets/index.js";
import { DriftError } from "../errors.js";

export interface LocaleLayout {
  /** Folder name, used as the finding's `locale`. */
  name: string;
  /** Directory of the locale's tree, relative to the root, `/` separators; may start with `../`. */
  dir: string;
  /** BCP 47 code, when configured. */
  code?: string;
}

/** Where sources and translations live, resolved from the preset and configuration. */
export interface TreeLayout {
  /** Absolute path of the tree. */
  root: string;
  preset: PresetName;
  /** Directory of the source articles, relative to the root. */
  sourceDir: string;
  sourceLocale: string;
  locales: LocaleLayout[];
  /** Globs, relative to the source and locale directories. */
  include: string[];
  exclude: string[];
  keys: PresetKeys;
}

/**
 * Resolves the layout of a tree: the preset's defaults, overridden by configuration. Locales come
 * from the configuration or, where it lists none, from the directories that fit the preset's
 * pattern: no list of locales is kept anywhere, and a new folder is a new locale.
 */
export async function resolveLayout(root: string, config: Config = {}): Promise<TreeLayout> {
  const absoluteRoot = path.resolve(root);
  await requireDirectory(absoluteRoot, `the root \`${root}\``);
  const preset = PRESETS[config.preset ?? "default"];
  const sourceDir = insideRoot(absoluteRoot, config.sourceDir ?? preset.sourceDir, "sourceDir");
  await requireDirectory(path.resolve(absoluteRoot, sourceDir), `the source directory \`${sourceDir}\` in \`${root}\``);
  for (const key of ["include", "exclude"] as const) config[key]?.forEach((glob, index) => checkGlob(glob, `${key}[${index}]`));
  const pattern = config.localePattern ?? preset.localePattern;

  let locales: LocaleLayout[];
  if (config.locales) {
    locales = await configuredLocales(absoluteRoot, config.locales, pattern);
  } else if (pattern) {
    locales = await discoverLocales(absoluteRoot, pattern, sourceDir);
  } else {
    throw new DriftError("CONFIG_INVALID", `the \`${preset.name}\` preset has no locale folders to discover: list them in \`locales\``);
  }
  return {
    root: absoluteRoot,
    preset: preset.name,
    sourceDir,
    sourceLocale: config.sourceLocale ?? preset.sourceLocale,
    locales: locales.sort((a, b) => compareText(a.name, b.name)),
    include: config.include ?? preset.include,
    exclude: config.exclude ?? [],
    keys: { ...preset.keys, ...config.keys },
  };
}

async function configuredLocales(root: string, locales: NonNullable<Config["locales"]>, pattern: string | undefined): Promise<LocaleLayout[]> {
  const resolved: LocaleLayout[] = [];
  for (const [name, setting] of Object.entries(locales)) {
    const { code, dir } = typeof setting === "string" ? { code: setting, dir: undefined } : setting;
    const given = dir ?? pattern?.replace("{locale}", name);
    if (given === undefined) throw new DriftError("CONFIG_INVALID", `locale \`${name}\` needs a \`dir\`: this preset has no locale pattern`);
    // An explicit `dir` may lie outside the root (translations in a separate repository); one
    // made from the pattern may not.
    const directory = dir !== undefined ? rootRelative(root, dir) : insideRoot(root, given, `locales.${name}`);
    await requireDirectory(path.resolve(root, directory), `the directory \`${directory}\` of locale \`${name}\``);
    resolved.push({ name, dir: directory, ...(code !== undefined && { code }) });
  }
  return resolved;
}

/** Every directory that fits `prefix/{locale}/suffix`, apart from the source directory itself. */
async function discoverLocales(root: string, pattern: string, sourceDir: string): Promise<LocaleLayout[]> {
  const [prefix = "", suffix = ""] = pattern.split("{locale}");
  const parent = path.resolve(root, prefix);
  let names: string[];
  try {
    names = (await readdir(parent, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw unreadable(`\`${prefix}\` in the root`, error);
  }
  const source = path.resolve(root, sourceDir);
  const locales: LocaleLayout[] = [];
  for (const name of names) {
    const dir = toPosix(path.join(prefix, name, suffix));
    const absolute = path.resolve(root, dir);
    if (absolute === source || source.startsWith(`${absolute}${path.sep}`)) continue;
    if (await isDirectory(absolute)) locales.push({ name, dir: dir.replace(/\/$/, "") });
  }
  return locales;
}

/**
 * A configured directory as a root-relative path with `/` separators, resolved once: an absolute
 * one is made relative, so that every later join with the root gives the same place.
 */
function rootRelative(root: string, dir: string): string {
  return toPosix(path.relative(root, path.resolve(root, dir))) || ".";
}

/** Like `rootRelative`, but a directory outside the root is a configuration error naming its key. */
function insideRoot(root: string, dir: string, key: string): string {
  if (!isWithin(root, path.resolve(root, dir))) throw new DriftError("CONFIG_INVALID", `\`${key}\`: \`${dir}\` is outside the root; only a locale's explicit \`dir\` may be`);
  return rootRelative(root, dir);
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}

async function requireDirectory(directory: string, what: string): Promise<void> {
  let directoryExists: boolean;
  try {
    directoryExists = (await stat(directory)).isDirectory();
  } catch (error) {
    throw unreadable(what, error);
  }
  if (!directoryExists) throw new DriftError("ROOT_UNREADABLE", `${what} is not a directory`);
}

function unreadable(what: string, error: unknown): DriftError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`;
  return new DriftError("ROOT_UNREADABLE", `${what} ${reason}`, undefined, { cause: error });
}

