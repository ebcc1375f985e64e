import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";
import { frontMatterKeyLine, frontMatterValue } from "../parse/front-matter.js";

interface LocaleMismatchOptions extends Record<string, unknown> {
  /** Front matter key that declares the document's locale; absent: the layout's locale key. */
  localeKey?: string;
}

/** The document says it is in another locale than the folder it is in. */
export const localeMismatch: Rule<LocaleMismatchOptions> = {
  id: "locale-mismatch",
  severity: "warning",
  description: "The locale a translation declares (`ms.contentlocale`, or the layout's locale key) disagrees with its locale folder.",
  rationale:
    "Sites pick the language, the search index and the hreflang links from the declared locale. A translation copied from another locale's folder and not updated is published as that other language.",
  messages: {
    mismatch: "`{key}` is `{declared}`, but the file is in the `{folder}` folder; expected `{expected}`.",
  },
  options: {},
  optionsSchema: {
    localeKey: { type: "string", minLength: 1, description: "Front matter key that declares the document's locale. Default: the layout's locale key (`keys.locale`)." },
  },
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "---\nms.contentlocale: fr-FR\n---\n\n# Anleitung\n\nText.\n" },
    good: { source: "# Guide\n\nText.\n", translation: "---\nms.contentlocale: de-DE\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkFile({ document, locale, localeCode, isSource, options, keys }: FileContext<LocaleMismatchOptions>): FindingDraft[] {
    if (isSource) return [];
    const key = options.localeKey ?? keys.locale;
    const declared = frontMatterValue(document.frontMatter, key);
    if (typeof declared !== "string" || declared.trim() === "") return [];
    if (localeMatches(declared, locale, localeCode)) return [];
    const expected = localeCode ?? locale;
    return [
      {
        messageId: "mismatch",
        file: document.file,
        line: frontMatterKeyLine(document.frontMatterKeyLines, key) ?? 1,
        column: 1,
        key,
        cause: "translation",
        data: { key, declared, folder: locale, expected },
      },
    ];
  },
};

/**
 * `de-DE` belongs in `de` or `de-de`; with a configured code, the code must match exactly
 * (case aside: BCP 47 tags are case-insensitive).
 */
export function localeMatches(declared: string, folder: string, configuredCode?: string): boolean {
  const tag = declared.trim().toLowerCase().replace(/_/g, "-");
  if (configuredCode !== undefined) return tag === configuredCode.toLowerCase();
  const name = folder.toLowerCase().replace(/_/g, "-");
  return tag === name || tag.startsWith(`${name}-`) || name.startsWith(`${tag}-`);
}
