import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import type { Section } from "../model/document.js";
import { baselineSection } from "./support/cause.js";
import { alignmentAtBaseline } from "./support/compare.js";
import { describeSection } from "./support/sections.js";

/** A section of the translation that matches nothing in the source: removed upstream, or added. */
export const extraSection: Rule = {
  id: "extra-section",
  severity: "warning",
  description: "A section of the translation has no counterpart in the source article.",
  rationale:
    "A section only the translation has was usually removed from the source since (the translation still teaches what the source retracted), or its heading lost the source's anchor so that it cannot be matched. Either way its readers see content the source does not vouch for.",
  messages: {
    extra: "Section {section} is not in the source; remove it, or give it the id of the source section it translates.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n\n## <a name=\"legacy\"></a>Altes Portal\n\nText.\n",
    },
    good: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    for (const row of pair.alignment.rows) {
      if (row.translation === undefined || row.source !== undefined) continue;
      const section = pair.translation.sections[row.translation]!;
      if (section.level === 0) continue;
      // The baseline source had it (by id, or paired by evidence with the translation then): the
      // source removed it since. It had not: the translator added it.
      const byId = baselineSection(pair, section.ids);
      const then = byId === undefined ? pairedAtBaseline(pair, row.translation) : byId;
      findings.push({
        messageId: "extra",
        file: pair.translation.file,
        line: section.line,
        column: section.column,
        anchor: section.anchor,
        key: section.anchor,
        cause: then === null ? "unknown" : then === undefined ? "translation" : "upstream",
        data: { section: describeSection(section), title: section.title, level: section.level, ids: section.ids },
      });
    }
    return findings;
  },
};

/** The baseline source's section the translation section was paired with, by id or content (not by place alone). */
function pairedAtBaseline(pair: Pair, translationIndex: number): Section | undefined {
  const row = alignmentAtBaseline(pair)?.rows.find((candidate) => candidate.translation === translationIndex);
  if (row?.source === undefined || (row.method !== "anchor" && row.method !== "content")) return undefined;
  return pair.baseline!.source!.sections[row.source];
}
