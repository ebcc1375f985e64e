import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/**
 * The source was renamed and the translation stayed at the old path. The engine follows the
 * rename (git rename detection) and checks the translation against the source's new path, so
 * this replaces an `orphan-translation` plus a `missing-translation`.
 */
export const renamedSource: Rule = {
  id: "renamed-source",
  severity: "warning",
  description: "The source article was renamed; the translation is still at the old path.",
  rationale:
    "A translation left at the source's old path is published at a URL the source no longer has, and the locale's page at the new URL is missing. Moving the file keeps the two together.",
  messages: {
    renamed: "The source was renamed from `{from}` to `{to}`; move this translation to `{expectedFile}`.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n", translatedFrom: "# Guide\n\nText.\n", renamedFrom: "old-name.md" },
    good: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n", translatedFrom: "# Guide\n\nText.\n" },
  },
  checkPair(pair: Pair): FindingDraft[] {
    if (pair.translationAt === undefined) return [];
    const localeDir = pair.translation.file.slice(0, pair.translation.file.length - pair.translationAt.length);
    const expected = `${localeDir}${pair.article}`;
    return [
      {
        messageId: "renamed",
        file: pair.translation.file,
        line: 1,
        column: 1,
        key: pair.translationAt,
        cause: "upstream",
        related: [{ file: pair.source.file, line: 1, column: 1, message: "The renamed source." }],
        data: { from: pair.translationAt, to: pair.article, expectedFile: expected },
      },
    ];
  },
};
