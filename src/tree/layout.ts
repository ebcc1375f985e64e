import { compareText } from "../util/compare-text.js";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isWithin, toPosix } from "../util/posix-path.js";
import { checkGlob } from "./globs.js";
import type { Config } from "../config/load.js";
import { PRESETS, type Preset, type PresetKeys, type PresetName } from "../config/presets/index.js";
import { DriftError } from "../errors.js";
import { readForCheck } from "../engine/load.js";
import { DEFAULT_PARSE_LIMITS } from "../parse/document.js";
import { isLanguageFolder } from "./language-tag.js";
import { literalLocaleKeys } from "./site-locales.js";

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
  /** How a translation finds its source: the same relative path, or the same slug (path without extension). */
  match: "path" | "slug";
  /** What the tree lacks that the configuration names, said once per run: a locale without its folder. */
  warnings: string[];
  /** Where this run writes its reports (absolute), when not `<root>/reports`: never read as documents. */
  outputDir?: string;
  /** Where the locale list came from, for `init` to say. */
  localesFrom: LocalesSource;
}

/** `config`: the configuration's `locales`; `site`: the site's own configuration file; `folders`: discovered. */
export type LocalesSource = { kind: "config" } | { kind: "site"; file: string } | { kind: "folders" };

/**
 * Resolves the layout of a tree: the preset's defaults, overridden by configuration. Locales come
 * from the configuration, else from the site's own configuration where the preset reads one,
 * else from the directories that fit the preset's pattern: no list of locales is kept anywhere,
 * and a new folder is a new locale. A listed locale whose folder is absent (an older commit, a
 * locale not started yet) is a warning, not an error: the rest of the tree is still checked.
 */
export async function resolveLayout(root: string, config: Config = {}): Promise<TreeLayout> {
  const absoluteRoot = path.resolve(root);
  await requireDirectory(absoluteRoot, `the root \`${root}\``);
  const preset = PRESETS[config.preset ?? "default"];
  const sourceLocale = config.sourceLocale ?? preset.sourceLocale;
  // The content folder the locale pattern's `{sourceDir}` stands for; the sources may be in its
  // source-locale folder (Astro docs' `en/`) or at its root (Starlight's root locale).
  const contentDir = insideRoot(absoluteRoot, config.sourceDir ?? preset.sourceDir, "sourceDir");
  await requireDirectory(path.resolve(absoluteRoot, contentDir), `the source directory \`${contentDir}\` in \`${root}\``);
  for (const key of ["include", "exclude"] as const) config[key]?.forEach((glob, index) => checkGlob(glob, `${key}[${index}]`));
  const sourceDir = preset.sourceLocaleFolder && (await isDirectory(path.resolve(absoluteRoot, contentDir, sourceLocale))) ? path.posix.join(contentDir, sourceLocale) : contentDir;
  const pattern = (config.localePattern ?? preset.localePattern)?.replace("{sourceDir}", contentDir);

  const warnings: string[] = [];
  let locales: LocaleLayout[];
  let localesFrom: LocalesSource;
  if (config.locales) {
    locales = await configuredLocales(absoluteRoot, normalizeLocales(config.locales), pattern, warnings, "the configuration");
    localesFrom = { kind: "config" };
  } else if (pattern) {
    const site = await siteLocales(absoluteRoot, preset, contentDir);
    if (site) {
      const listed = site.names.filter((name) => name !== "root" && name !== sourceLocale && path.posix.join(contentDir, name) !== sourceDir);
      locales = await configuredLocales(absoluteRoot, listed.map((name) => ({ name })), pattern, warnings, `\`${site.file}\``);
      localesFrom = { kind: "site", file: site.file };
    } else {
      locales = await discoverLocales(absoluteRoot, pattern, sourceDir, preset.localeFolders ?? "any");
      localesFrom = { kind: "folders" };
    }
  } else {
    throw new DriftError("CONFIG_INVALID", `the \`${preset.name}\` preset has no locale folders to discover: list them in \`locales\``);
  }
  return {
    root: absoluteRoot,
    preset: preset.name,
    sourceDir,
    sourceLocale,
    locales: locales.sort((a, b) => compareText(a.name, b.name)),
    include: config.include ?? preset.include,
    exclude: config.exclude ?? preset.exclude ?? [],
    keys: { ...preset.keys, ...config.keys },
    match: preset.match ?? "path",
    warnings,
    localesFrom,
  };
}

interface LocaleSetting {
  name: string;
  code?: string;
  dir?: string;
}

/** `["de", "ja"]` or `{ "de": "de-DE", "ja": { "dir": … } }` as one list. */
function normalizeLocales(locales: NonNullable<Config["locales"]>): LocaleSetting[] {
  if (Array.isArray(locales)) return locales.map((name) => ({ name }));
  return Object.entries(locales).map(([name, setting]) => (typeof setting === "string" ? { name, code: setting } : { name, ...setting }));
}

async function configuredLocales(root: string, locales: readonly LocaleSetting[], pattern: string | undefined, warnings: string[], listedIn: string): Promise<LocaleLayout[]> {
  const resolved: LocaleLayout[] = [];
  for (const { name, code, dir } of locales) {
    const given = dir ?? pattern?.replace("{locale}", name);
    if (given === undefined) throw new DriftError("CONFIG_INVALID", `locale \`${name}\` needs a \`dir\`: this preset has no locale pattern`);
    // An explicit `dir` may lie outside the root (translations in a separate repository); one
    // made from the pattern may not.
    const directory = dir !== undefined ? rootRelative(root, dir) : insideRoot(root, given, `locales.${name}`);
    const state = await directoryState(path.resolve(root, directory), `the directory \`${directory}\` of locale \`${name}\``);
    if (state === "absent") {
      warnings.push(`locale \`${name}\` is listed in ${listedIn} but its folder \`${directory}\` does not exist; it is not checked`);
      continue;
    }
    // `./de` (a pattern from `sourceDir: "."`) and `de` are one folder: file paths are compared as text.
    resolved.push({ name, dir: path.posix.normalize(toPosix(directory)).replace(/\/$/, ""), ...(code !== undefined && { code }) });
  }
  return resolved;
}

/** The locale names the site's own configuration lists, where the preset reads one and it is a literal. */
async function siteLocales(root: string, preset: Preset, contentDir: string): Promise<{ file: string; names: string[] } | undefined> {
  if (!preset.siteConfig) return undefined;
  const base = preset.siteConfig.relativeTo === "root" ? "" : contentDir;
  for (const candidate of preset.siteConfig.files) {
    const file = path.posix.join(base, candidate);
    const read = await readForCheck(root, file, DEFAULT_PARSE_LIMITS);
    if (read.kind !== "bytes") continue;
    const names = literalLocaleKeys(Buffer.from(read.bytes).toString("utf8"));
    // The first configuration file that exists is the site's; if its locales are not a literal, the folders say.
    return names === undefined ? undefined : { file, names };
  }
  return undefined;
}

/** Every directory that fits `prefix/{locale}/suffix`, apart from the source directory itself. */
async function discoverLocales(root: string, pattern: string, sourceDir: string, folders: "any" | "language-tags"): Promise<LocaleLayout[]> {
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
    if (folders === "language-tags" && !isLanguageFolder(name)) continue;
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

/** A listed locale's folder: there, absent (at this commit), or an error for anything else. */
async function directoryState(directory: string, what: string): Promise<"present" | "absent"> {
  try {
    if ((await stat(directory)).isDirectory()) return "present";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "absent";
    throw unreadable(what, error);
  }
  throw new DriftError("ROOT_UNREADABLE", `${what} is not a directory`);
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
