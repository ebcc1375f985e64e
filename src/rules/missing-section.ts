import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { sourceSectionCause } from "./support/cause.js";
import { describeSection, insertionPoint } from "./support/sections.js";

/** A section of the source that the translation does not have. */
export const missingSection: Rule = {
  id: "missing-section",
  severity: "error",
  description: "A section of the source article has no counterpart in the translation.",
  rationale:
    "A section the translation lacks is content its readers never get: often one the source added after the translation was made (work to schedule), sometimes one the translator skipped. The finding says where it belongs.",
  messages: {
    "missing-after": "Section {section} is missing; add it after {after}, as in the source.",
    "missing-first": "Section {section} is missing; add it before the first section.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n\n## <a name=\"limits\"></a>Limits\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n",
    },
    good: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n\n## <a name=\"limits\"></a>Limits\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n\n## <a name=\"limits\"></a>Grenzwerte\n\nText.\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    pair.alignment.rows.forEach((row, rowIndex) => {
      if (row.source === undefined || row.translation !== undefined) return;
      const section = pair.source.sections[row.source]!;
      if (section.level === 0) return; // text before the first heading is not a section
      const where = insertionPoint(pair, rowIndex);
      findings.push({
        messageId: where.after === undefined ? "missing-first" : "missing-after",
        file: pair.translation.file,
        line: where.line,
        column: 1,
        anchor: section.anchor,
        key: section.anchor,
        // The baseline source already had it: the translator left it out; added since: upstream.
        cause: sourceSectionCause(pair, section),
        related: [{ file: pair.source.file, line: section.line, column: section.column, message: "The section in the source." }],
        data: { section: describeSection(section), ...(where.after !== undefined && { after: where.after }), title: section.title, level: section.level, ids: section.ids },
      });
    });
    return findings;
  },
};
