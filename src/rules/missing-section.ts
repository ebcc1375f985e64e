import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { describeSection, insertionPoint } from "./support/sections.js";

/** A section of the source that the translation does not have. */
export const missingSection: Rule = {
  id: "missing-section",
  severity: "error",
  description: "A section of the source article has no counterpart in the translation.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    pair.alignment.rows.forEach((row, rowIndex) => {
      if (row.source === undefined || row.translation !== undefined) return;
      const section = pair.source.sections[row.source]!;
      if (section.level === 0) return; // text before the first heading is not a section
      const where = insertionPoint(pair, rowIndex);
      findings.push({
        file: pair.translation.file,
        line: where.line,
        column: 1,
        anchor: section.anchor,
        message: `Section ${describeSection(section)} is missing; ${where.description}.`,
        related: [{ file: pair.source.file, line: section.line, column: section.column, message: "The section in the source." }],
        data: { title: section.title, level: section.level, ids: section.ids },
      });
    });
    return findings;
  },
};
