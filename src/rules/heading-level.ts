import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { sourceSectionCause } from "./support/cause.js";
import { describeSection } from "./support/sections.js";

/** A matched section whose heading level differs: the table of contents nests differently. */
export const headingLevel: Rule = {
  id: "heading-level",
  severity: "warning",
  description: "A translated heading has a different level than the source heading it matches.",
  rationale:
    "Heading levels make the table of contents and the nesting of sections. A level changed in translation puts a section under another parent, so the translation's outline no longer matches the source's.",
  messages: {
    "by-anchor": "Heading {section} is level {translationLevel}; the source heading is level {sourceLevel} (matched by the id `{sharedId}`).",
    "by-content": "Heading {section} is level {translationLevel}; the source heading is level {sourceLevel} (matched by content: {evidence}).",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\n## Setup\n\n### Ports\n\nText.\n", translation: "# Anleitung\n\n## Einrichtung\n\n## Ports\n\nText.\n" },
    good: { source: "# Guide\n\n## Setup\n\n### Ports\n\nText.\n", translation: "# Anleitung\n\n## Einrichtung\n\n### Ports\n\nText.\n" },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    for (const row of pair.alignment.rows) {
      if (row.source === undefined || row.translation === undefined) continue;
      const source = pair.source.sections[row.source]!;
      const translation = pair.translation.sections[row.translation]!;
      if (source.level === translation.level || source.level === 0) continue;
      findings.push({
        // Sections of different levels pair only by an id or by content: level and place alone never outweigh the level.
        messageId: row.method === "anchor" ? "by-anchor" : "by-content",
        file: pair.translation.file,
        line: translation.line,
        column: translation.column,
        anchor: source.anchor,
        key: source.anchor,
        // The source had this level at the baseline: the translator changed it; else the source did.
        cause: sourceSectionCause(pair, source, (then) => then.level === source.level),
        related: [{ file: pair.source.file, line: source.line, column: source.column, message: "The source heading." }],
        data: { section: describeSection(translation), sourceLevel: source.level, translationLevel: translation.level, method: row.method, ...(row.sharedId !== undefined && { sharedId: row.sharedId }), ...(row.method === "content" && { evidence: (row.evidence?.kinds ?? []).filter((kind) => kind !== "level" && kind !== "position" && kind !== "length").join(", ") }) },
      });
    }
    return findings;
  },
};
