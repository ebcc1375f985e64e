/**
 * Layout presets are data, as in markdownlint's `style/*.json`: where sources and translations
 * live, and which front matter keys carry dates, locales and pins. A config names one and may
 * override any field.
 */
export interface Preset {
  name: PresetName;
  /** Directory of the source articles, relative to the root. */
  sourceDir: string;
  /** BCP 47 code of the sources, also the folder to skip when locales are siblings of it. */
  sourceLocale: string;
  /**
   * Where locale trees are found, `{locale}` standing for the folder name and `{sourceDir}` for
   * the source directory: every directory that fits, apart from the source directory, is a
   * locale. Absent: locales must be listed.
   */
  localePattern?: string;
  /**
   * Which folders that fit the pattern are locales: `any` folder, or only folders named by a
   * BCP 47 language tag, where locale folders share a directory with the source's own folders
   * (Starlight's `de/` beside `guides/`). Default `any`.
   */
  localeFolders?: "any" | "language-tags";
  /**
   * Where the site's own configuration lists its locales, read statically (never run): the keys
   * of its literal `locales: { ... }` object, `root` being the source locale. Paths relative to
   * the source directory's parent chain are tried in order; the first that exists is read.
   */
  siteConfig?: { files: string[]; relativeTo: "root" | "sourceDir" };
  /**
   * Where the source locale may have a folder of its own (`src/content/docs/en/` in Astro's docs):
   * when `{sourceDir}/{sourceLocale}` exists, it is the source directory and its siblings are
   * the locales; otherwise the sources are at `sourceDir` itself (Starlight's root locale).
   */
  sourceLocaleFolder?: boolean;
  /**
   * How a translation finds its source: by the same relative `path`, or by `slug`, the path
   * without its extension (`de/page.md` translates `page.mdx`), as sites that route by slug do.
   */
  match?: "path" | "slug";
  include: string[];
  /** Globs left out of every tree unless the configuration sets `exclude`. */
  exclude?: string[];
  keys: PresetKeys;
}

export type { PresetKeys } from "../../model/keys.js";
import type { PresetKeys } from "../../model/keys.js";

export const PRESET_NAMES = ["default", "docusaurus", "hugo", "mdn", "separate-repos", "starlight", "vitepress"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const MICROSOFT_KEYS: PresetKeys = {
  date: "ms.date",
  locale: "ms.contentlocale",
  sourceCommit: ["ms.sourcegitcommit", "l10n.sourceCommit", "default_lang_commit"],
  sourceHash: ["ms.openlocfilehash"],
  translated: ["title", "description"],
};

/** Astro's config files, the ones `astro` itself looks for. */
const ASTRO_CONFIGS = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs", "astro.config.cts"];
const VITEPRESS_CONFIGS = [".vitepress/config.mts", ".vitepress/config.ts", ".vitepress/config.mjs", ".vitepress/config.js", ".vitepress/config.cts", ".vitepress/config.cjs"];

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  default: {
    name: "default",
    sourceDir: "articles",
    sourceLocale: "en",
    localePattern: "locales/{locale}",
    include: ["**/*.md"],
    keys: MICROSOFT_KEYS,
  },
  docusaurus: {
    name: "docusaurus",
    sourceDir: "docs",
    sourceLocale: "en",
    localePattern: "i18n/{locale}/docusaurus-plugin-content-docs/current",
    include: ["**/*.{md,mdx}"],
    keys: { date: "last_update.date", locale: "locale", sourceCommit: ["default_lang_commit"], sourceHash: [], translated: ["title", "linkTitle", "description"] },
  },
  hugo: {
    name: "hugo",
    sourceDir: "content/en",
    sourceLocale: "en",
    localePattern: "content/{locale}",
    include: ["**/*.md"],
    // Versions a section's pages print through `cascade` (OpenTelemetry's `{{< param vers >}}`):
    // a translation that keeps an old one shows readers the wrong version.
    keys: { date: "lastmod", locale: "language", sourceCommit: ["default_lang_commit"], sourceHash: [], translated: ["title", "linkTitle", "description"], equal: ["cascade.vers", "cascade.collector_vers"] },
  },
  mdn: {
    name: "mdn",
    sourceDir: "files/en-us",
    sourceLocale: "en-US",
    localePattern: "files/{locale}",
    include: ["**/index.md"],
    keys: { date: "l10n.date", locale: "l10n.locale", sourceCommit: ["l10n.sourceCommit"], sourceHash: [], translated: ["title", "linkTitle", "description"] },
  },
  "separate-repos": {
    name: "separate-repos",
    // Each locale is its own checkout with the same relative paths, listed in `locales`.
    sourceDir: ".",
    sourceLocale: "en",
    include: ["**/*.md"],
    keys: MICROSOFT_KEYS,
  },
  // Starlight and Astro's docs: one content collection, English at its root with locale folders
  // beside the pages (Starlight's root locale) or in an `en/` folder beside the others (Astro docs).
  starlight: {
    name: "starlight",
    sourceDir: "src/content/docs",
    sourceLocale: "en",
    localePattern: "{sourceDir}/{locale}",
    localeFolders: "language-tags",
    siteConfig: { files: ASTRO_CONFIGS, relativeTo: "root" },
    sourceLocaleFolder: true,
    match: "slug",
    include: ["**/*.{md,mdx}"],
    // Starlight's front matter nests translated text: the splash page's hero, the banner, sidebar labels.
    keys: { date: "lastUpdated", locale: "lang", sourceCommit: ["default_lang_commit"], sourceHash: [], translated: ["title", "description", "hero.title", "hero.tagline", "hero.actions", "banner.content", "sidebar.label", "sidebar.badge"] },
  },
  // VitePress: English at the docs root, each locale a folder of it, listed in `.vitepress/config`.
  vitepress: {
    name: "vitepress",
    sourceDir: "docs",
    sourceLocale: "en",
    localePattern: "{sourceDir}/{locale}",
    localeFolders: "language-tags",
    siteConfig: { files: VITEPRESS_CONFIGS, relativeTo: "sourceDir" },
    include: ["**/*.md"],
    exclude: ["**/node_modules/**"],
    // The home layout's text lives in front matter: hero and features.
    keys: { date: "lastUpdated", locale: "lang", sourceCommit: ["default_lang_commit"], sourceHash: [], translated: ["title", "description", "hero.name", "hero.text", "hero.tagline", "hero.actions", "features"] },
  },
};
