import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { describeSection } from "./support/sections.js";

/** A matched section whose heading level differs: the table of contents nests differently. */
export const headingLevel: Rule = {
  id: "heading-level",
  severity: "warning",
  description: "A translated heading has a different level than the source heading it matches.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    for (const row of pair.alignment.rows) {
      if (row.source === undefined || row.translation === undefined) continue;
      const source = pair.source.sections[row.source]!;
      const translation = pair.translation.sections[row.translation]!;
      if (source.level === translation.level || source.level === 0) continue;
      const how = row.method === "anchor" ? `matched by the id \`${row.sharedId}\`` : "matched by position";
      findings.push({
        file: pair.translation.file,
        line: translation.line,
        column: translation.column,
        anchor: source.anchor,
        message: `Heading ${describeSection(translation)} is level ${translation.level}; the source heading is level ${source.level} (${how}).`,
        related: [{ file: pair.source.file, line: source.line, column: source.column, message: "The source heading." }],
        data: { sourceLevel: source.level, translationLevel: translation.level, method: row.method },
      });
    }
    return findings;
  },
};
