import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { describeSection } from "./support/sections.js";

/** A section of the translation that matches nothing in the source: removed upstream, or added. */
export const extraSection: Rule = {
  id: "extra-section",
  severity: "warning",
  description: "A section of the translation has no counterpart in the source article.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    for (const row of pair.alignment.rows) {
      if (row.translation === undefined || row.source !== undefined) continue;
      const section = pair.translation.sections[row.translation]!;
      if (section.level === 0) continue;
      findings.push({
        file: pair.translation.file,
        line: section.line,
        column: section.column,
        anchor: section.anchor,
        message: `Section ${describeSection(section)} is not in the source; remove it, or give it the id of the source section it translates.`,
        data: { title: section.title, level: section.level, ids: section.ids },
      });
    }
    return findings;
  },
};
