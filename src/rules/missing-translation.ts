import type { FindingDraft } from "../model/finding.js";
import type { UnpairedFile } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/** A source article with no file in a locale. */
export const missingTranslation: Rule = {
  id: "missing-translation",
  severity: "warning",
  description: "A source article has no translation in a locale.",
  options: {},
  checkUnpaired(unpaired: UnpairedFile): FindingDraft[] {
    if (unpaired.side !== "source") return [];
    return [
      {
        file: unpaired.file,
        message: `\`${unpaired.article}\` has no \`${unpaired.locale}\` translation; expected \`${unpaired.expectedFile}\`.`,
        data: { expectedFile: unpaired.expectedFile },
      },
    ];
  },
};
