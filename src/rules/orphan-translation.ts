import type { FindingDraft } from "../model/finding.js";
import type { UnpairedFile } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/** A translation whose source is gone: deleted or renamed upstream. */
export const orphanTranslation: Rule = {
  id: "orphan-translation",
  severity: "warning",
  description: "A translation has no source article at the same path.",
  options: {},
  checkUnpaired(unpaired: UnpairedFile): FindingDraft[] {
    if (unpaired.side !== "translation") return [];
    return [
      {
        file: unpaired.file,
        line: 1,
        column: 1,
        message: `This translation has no source: \`${unpaired.expectedFile}\` does not exist; delete the translation or move it to the source's new path.`,
        data: { expectedFile: unpaired.expectedFile },
      },
    ];
  },
};
