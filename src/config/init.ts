import { readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { DriftError } from "../errors.js";
import { readForCheck } from "../engine/load.js";
import { DEFAULT_PARSE_LIMITS } from "../parse/document.js";
import { toPosix } from "../util/posix-path.js";
import { compareText } from "../util/compare-text.js";
import type { Config } from "./load.js";
import { importLunaria, LUNARIA_CONFIG_FILES } from "./lunaria.js";
import { PRESETS, type PresetName } from "./presets/index.js";
import { packageFile } from "../package-files.js";

/** What `init` found: the preset, where the sources are when not the preset's default, and why. */
export interface Detection {
  preset: PresetName;
  /** Root-relative content folder, where it differs from the preset's `sourceDir`. */
  sourceDir?: string;
  /** What in the tree says so, for the user: `astro.config.mjs uses @astrojs/starlight`. */
  evidence: string;
  /** A Lunaria configuration in the root, root-relative. */
  lunariaConfig?: string;
}

const ASTRO_CONFIGS = ["astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts", "astro.config.cjs", "astro.config.cts"];
const DOCUSAURUS_CONFIGS = ["docusaurus.config.ts", "docusaurus.config.js", "docusaurus.config.mjs", "docusaurus.config.cjs", "docusaurus.config.mts", "docusaurus.config.cts"];
const HUGO_CONFIGS = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];

/**
 * Which preset's layout the tree has, from its site configuration files and folders, tried in this
 * order: a site generator's own configuration (Astro with Starlight or a Lunaria configuration,
 * Docusaurus, VitePress, Hugo) says more than folder names, then MDN's and Microsoft's folders.
 */
export async function detectLayout(root: string): Promise<Detection | undefined> {
  const lunariaConfig = await firstFile(root, LUNARIA_CONFIG_FILES);
  const withLunaria = lunariaConfig === undefined ? {} : { lunariaConfig };

  const astro = await firstFile(root, ASTRO_CONFIGS);
  const usesStarlight = astro !== undefined && (await readText(root, astro))?.includes("@astrojs/starlight") === true;
  if ((usesStarlight || lunariaConfig !== undefined) && (await isDirectory(path.join(root, PRESETS.starlight.sourceDir)))) {
    const evidence = usesStarlight ? `\`${astro}\` uses @astrojs/starlight` : `\`${lunariaConfig}\` and \`${PRESETS.starlight.sourceDir}/\``;
    return { preset: "starlight", evidence, ...withLunaria };
  }

  const docusaurus = await firstFile(root, DOCUSAURUS_CONFIGS);
  if (docusaurus !== undefined && (await isDirectory(path.join(root, PRESETS.docusaurus.sourceDir)))) return { preset: "docusaurus", evidence: `\`${docusaurus}\``, ...withLunaria };

  const vitepress = await vitepressRoot(root);
  if (vitepress !== undefined) {
    return { preset: "vitepress", ...(vitepress !== PRESETS.vitepress.sourceDir && { sourceDir: vitepress }), evidence: `\`${path.posix.join(vitepress, ".vitepress")}/\``, ...withLunaria };
  }

  const hugo = await firstFile(root, HUGO_CONFIGS);
  if (await isDirectory(path.join(root, PRESETS.hugo.sourceDir))) {
    if (hugo !== undefined) return { preset: "hugo", evidence: `\`${hugo}\` and \`${PRESETS.hugo.sourceDir}/\``, ...withLunaria };
    if ((await subfolders(path.join(root, "content"))).some((name) => name !== "en")) return { preset: "hugo", evidence: "`content/en/` beside other `content/<lang>/` folders", ...withLunaria };
  }

  for (const name of ["mdn", "default"] as const) {
    const preset = PRESETS[name];
    const localeParent = preset.localePattern?.split("{locale}")[0] ?? "";
    if ((await isDirectory(path.join(root, preset.sourceDir))) && (await isDirectory(path.join(root, localeParent)))) {
      return { preset: name, evidence: `\`${preset.sourceDir}/\` and \`${localeParent.replace(/\/$/, "")}/\``, ...withLunaria };
    }
  }
  return undefined;
}

/** A starter configuration and what `init` says about it. */
export interface Starter {
  config: Config & { $schema?: string };
  detection: Detection;
  notes: string[];
}

/**
 * A starter configuration for a file at `target`: the detected preset, every rule at its default,
 * ready to edit; `$schema` points at this installation's schema, relative to the file, so that
 * editors find it wherever the tool is installed (omitted, with a note, when it cannot be found).
 */
export async function starterConfig(root: string, target: string): Promise<Starter> {
  const detection = await detectLayout(root);
  if (detection === undefined) {
    throw new DriftError(
      "CONFIG_INVALID",
      "cannot tell this tree's layout (no Starlight or Lunaria, Docusaurus, VitePress or Hugo configuration, no articles/ + locales/ or files/en-us/); write l10n-drift.config.json by hand",
    );
  }
  const notes: string[] = [];
  const schema = schemaReference(target);
  if (schema === undefined) notes.push("`$schema` left out: this installation's schema/config.schema.json was not found");
  const lunaria = detection.lunariaConfig === undefined ? undefined : await importLunaria(root);
  if (lunaria) notes.push(`imported from \`${lunaria.file}\`: ${plural(Object.keys(lunaria.config.locales ?? {}).length, "locale")}${lunaria.config.history?.skipMarkers ? `, ${plural(lunaria.config.history.skipMarkers.length, "skip marker")}` : ""}${lunaria.config.history?.trackProperty ? `, pages tracked by \`${lunaria.config.history.trackProperty}\`` : ""}`, ...lunaria.notes);
  // The detected preset knows its layout (slugs across .md and .mdx, an `en/` folder or none);
  // the rest of Lunaria's settings (locales, skip markers, tracking, ignores) are kept.
  const { sourceDir: _sourceDir, localePattern: _localePattern, ...imported } = lunaria?.config ?? {};
  const fromLunaria = detection.preset === "starlight" ? imported : lunaria?.config;
  const config: Config & { $schema?: string } = {
    ...(schema !== undefined && { $schema: schema }),
    preset: detection.preset,
    ...(detection.sourceDir !== undefined && { sourceDir: detection.sourceDir }),
    ...fromLunaria,
    rules: {},
  };
  return { config, detection, notes };
}

/** This installation's schema file, from the compiled `dist/config/` or the sources' `src/config/` alike. */
const SCHEMA_FILE = packageFile("schema/config.schema.json");

function schemaReference(target: string): string | undefined {
  if (!existsSync(SCHEMA_FILE)) return undefined;
  const relative = toPosix(path.relative(path.dirname(target), SCHEMA_FILE));
  // Another drive (Windows) has no relative path.
  if (path.isAbsolute(relative)) return undefined;
  return relative.startsWith("../") ? relative : `./${relative}`;
}

/** VitePress's docs folder: the root or a first-level folder holding `.vitepress/`, `docs/` first. */
async function vitepressRoot(root: string): Promise<string | undefined> {
  if (await isDirectory(path.join(root, ".vitepress"))) return ".";
  const folders = await subfolders(root);
  for (const folder of ["docs", ...folders.filter((name) => name !== "docs" && name !== "node_modules")]) {
    if (await isDirectory(path.join(root, folder, ".vitepress"))) return folder;
  }
  return undefined;
}

async function firstFile(root: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    try {
      if ((await stat(path.join(root, name))).isFile()) return name;
    } catch {
      // Absent: try the next name.
    }
  }
  return undefined;
}

/** Read through the hardened loader: a configuration named file may be a pipe or a link out of the tree. */
async function readText(root: string, file: string): Promise<string | undefined> {
  const read = await readForCheck(root, file, DEFAULT_PARSE_LIMITS);
  return read.kind === "bytes" ? Buffer.from(read.bytes).toString("utf8") : undefined;
}

async function subfolders(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort(compareText);
  } catch {
    return [];
  }
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
