import type { FindingDraft } from "../model/finding.js";
import type { UnpairedFile } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/** A translation whose source is gone: deleted or renamed upstream. */
export const orphanTranslation: Rule = {
  id: "orphan-translation",
  severity: "warning",
  description: "A translation has no source article at the same path.",
  rationale:
    "A translation whose source was deleted keeps publishing what the source retracted; one whose source moved is no longer checked against it. Delete it, or move it to the source's new path.",
  messages: {
    orphan: "This translation has no source: `{expectedFile}` does not exist; delete the translation or move it to the source's new path.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n", translationPath: "retired.md" },
    good: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n" },
  },
  checkUnpaired(unpaired: UnpairedFile): FindingDraft[] {
    if (unpaired.side !== "translation") return [];
    return [{ messageId: "orphan", file: unpaired.file, line: 1, column: 1, key: unpaired.expectedFile, cause: "upstream", data: { expectedFile: unpaired.expectedFile } }];
  },
};
