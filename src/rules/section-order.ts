import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { longestIncreasingSubsequence } from "../align/increasing.js";
import { describeSection } from "./support/sections.js";

/**
 * A matched section that stands elsewhere than in the source. Alignment keeps the longest run of
 * matches in order; each match outside it is reported once, so a moved section is one finding,
 * not one for every section it jumped over.
 */
export const sectionOrder: Rule = {
  id: "section-order",
  severity: "warning",
  description: "A section of the translation is in a different place than in the source article.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    const rows = pair.alignment.rows.filter((row) => row.source !== undefined && row.translation !== undefined);
    const inOrder = new Set(longestIncreasingSubsequence(rows.map((row) => row.translation!)));
    rows.forEach((row, index) => {
      if (inOrder.has(index)) return;
      const source = pair.source.sections[row.source!]!;
      const translation = pair.translation.sections[row.translation!]!;
      const previousSource = rows[index - 1]?.source;
      const after = previousSource === undefined ? "at the start" : `after ${describeSection(pair.source.sections[previousSource]!)}`;
      findings.push({
        file: pair.translation.file,
        line: translation.line,
        column: translation.column,
        anchor: source.anchor,
        message: `Section ${describeSection(translation)} is out of order; in the source it comes ${after}.`,
        related: [{ file: pair.source.file, line: source.line, column: source.column, message: "The section's place in the source." }],
        data: { method: row.method },
      });
    });
    return findings;
  },
};
