import type { Cause, FindingDraft } from "../model/finding.js";
import type { AlignedSection, Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { longestIncreasingSubsequence } from "../align/increasing.js";
import { baselineSection } from "./support/cause.js";
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
  rationale:
    "Articles are ordered to be read in order: steps build on each other, and the next section assumes the one before. A section in another place than in the source reads out of sequence.",
  messages: {
    "out-of-order": "Section {section} is out of order; in the source it comes after {after}.",
    "out-of-order-first": "Section {section} is out of order; in the source it comes at the start.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n\n## <a name=\"use\"></a>Use\n\nText.\n\n## <a name=\"remove\"></a>Remove\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n\n## <a name=\"remove\"></a>Entfernen\n\nText.\n\n## <a name=\"use\"></a>Verwenden\n\nText.\n",
    },
    good: {
      source: "# Guide\n\n## <a name=\"setup\"></a>Setup\n\nText.\n\n## <a name=\"use\"></a>Use\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n\n## <a name=\"use\"></a>Verwenden\n\nText.\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const findings: FindingDraft[] = [];
    const rows = pair.alignment.rows.filter((row) => row.source !== undefined && row.translation !== undefined);
    const inOrder = new Set(longestIncreasingSubsequence(rows.map((row) => row.translation!)));
    rows.forEach((row, index) => {
      if (inOrder.has(index)) return;
      const source = pair.source.sections[row.source!]!;
      const translation = pair.translation.sections[row.translation!]!;
      const previousSource = rows[index - 1]?.source;
      findings.push({
        messageId: previousSource === undefined ? "out-of-order-first" : "out-of-order",
        file: pair.translation.file,
        line: translation.line,
        column: translation.column,
        anchor: source.anchor,
        key: source.anchor,
        cause: orderCause(pair, rows, index, inOrder),
        related: [{ file: pair.source.file, line: source.line, column: source.column, message: "The section's place in the source." }],
        data: { section: describeSection(translation), ...(previousSource !== undefined && { after: describeSection(pair.source.sections[previousSource]!) }), method: row.method },
      });
    });
    return findings;
  },
};

/**
 * Who put a section out of order: the translator, when the baseline source already had it in the
 * source's order against the sections it is now crossed with; the source, when it has reordered
 * them since (the translation keeps the order it was made from). A section the baseline lacked was
 * added upstream and placed wrongly on the way.
 */
function orderCause(pair: Pair, rows: readonly AlignedSection[], index: number, inOrder: ReadonlySet<number>): Cause {
  const row = rows[index]!;
  const then = baselineSection(pair, pair.source.sections[row.source!]!.ids);
  if (then === null) return "unknown";
  if (then === undefined) return "upstream";
  const crossed = [...inOrder].map((other) => rows[other]!).filter((other) => other.source! < row.source! !== other.translation! < row.translation!);
  const reordered = crossed.every((other) => {
    const otherThen = baselineSection(pair, pair.source.sections[other.source!]!.ids);
    // At the baseline, the two stood as the translation has them.
    return otherThen != null && otherThen.index < then.index === other.translation! < row.translation!;
  });
  return crossed.length > 0 && reordered ? "upstream" : "translation";
}
