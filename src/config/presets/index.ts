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
   * Where locale trees are found, `{locale}` standing for the folder name: every directory that
   * fits, apart from the source directory, is a locale. Absent: locales must be listed.
   */
  localePattern?: string;
  include: string[];
  keys: PresetKeys;
}

export type { PresetKeys } from "../../model/keys.js";
import type { PresetKeys } from "../../model/keys.js";

export const PRESET_NAMES = ["default", "docusaurus", "hugo", "mdn", "separate-repos"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const MICROSOFT_KEYS: PresetKeys = {
  date: "ms.date",
  locale: "ms.contentlocale",
  sourceCommit: ["ms.sourcegitcommit", "l10n.sourceCommit", "default_lang_commit"],
  sourceHash: ["ms.openlocfilehash"],
  translated: ["title", "description"],
};

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
    keys: { date: "lastmod", locale: "language", sourceCommit: ["default_lang_commit"], sourceHash: [], translated: ["title", "linkTitle", "description"] },
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
};
