import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";
import { frontMatterKeyLine, frontMatterValue } from "../parse/front-matter.js";

interface LocaleMismatchOptions extends Record<string, unknown> {
  /** Front matter key that declares the document's locale. */
  localeKey: string;
}

/** The document says it is in another locale than the folder it is in. */
export const localeMismatch: Rule<LocaleMismatchOptions> = {
  id: "locale-mismatch",
  severity: "warning",
  description: "The locale a translation declares (`ms.contentlocale`) disagrees with its locale folder.",
  options: { localeKey: "ms.contentlocale" },
  checkFile({ document, locale, localeCode, isSource, options }: FileContext<LocaleMismatchOptions>): FindingDraft[] {
    if (isSource) return [];
    const declared = frontMatterValue(document.frontMatter, options.localeKey);
    if (typeof declared !== "string" || declared.trim() === "") return [];
    if (localeMatches(declared, locale, localeCode)) return [];
    const expected = localeCode ?? locale;
    return [
      {
        file: document.file,
        line: frontMatterKeyLine(document.frontMatterKeyLines, options.localeKey) ?? 1,
        column: 1,
        message: `\`${options.localeKey}\` is \`${declared}\`, but the file is in the \`${locale}\` folder; expected \`${expected}\`.`,
        data: { declared, folder: locale, expected },
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
