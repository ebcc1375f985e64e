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
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    if (pair.translationAt === undefined) return [];
    const localeDir = pair.translation.file.slice(0, pair.translation.file.length - pair.translationAt.length);
    const expected = `${localeDir}${pair.article}`;
    return [
      {
        file: pair.translation.file,
        line: 1,
        column: 1,
        message: `The source was renamed from \`${pair.translationAt}\` to \`${pair.article}\`; move this translation to \`${expected}\`.`,
        related: [{ file: pair.source.file, line: 1, column: 1, message: "The renamed source." }],
        data: { from: pair.translationAt, to: pair.article, expectedFile: expected },
      },
    ];
  },
};
