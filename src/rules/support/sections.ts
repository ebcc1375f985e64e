import type { Section } from "../../model/document.js";
import type { Pair } from "../../model/pair.js";
import { fitsMissingBetter } from "../../align/evidence.js";

/** `Title` (`#anchor`), the way messages name a section. */
export function describeSection(section: Section): string {
  if (section.level === 0) return "the text before the first heading";
  return section.anchor === "" ? `\`${section.title}\`` : `\`${section.title}\` (\`#${section.anchor}\`)`;
}

/**
 * Where a source-only row belongs in the translation: after the translation section of the
 * nearest earlier row that has one (`after` names it), else before the first translation section.
 * The line is within the file, the last one at most. A row paired by content or sequence whose
 * translation looks more like the missing section is passed over: it is probably the missing
 * section's own translation, paired wrongly.
 */
export function insertionPoint(pair: Pair, rowIndex: number): { line: number; after?: string } {
  const rows = pair.alignment.rows;
  const lastLine = pair.translation.text.split(/\r\n|\r|\n/).length;
  for (let index = rowIndex - 1; index >= 0; index--) {
    const translationIndex = rows[index]!.translation;
    if (translationIndex === undefined) continue;
    const row = rows[index]!;
    const missing = rows[rowIndex]?.source;
    if ((row.method === "content" || row.method === "sequence") && row.source !== undefined && missing !== undefined) {
      if (fitsMissingBetter(pair.source.sections[missing]!, pair.translation.sections[translationIndex]!, pair.source.sections[row.source]!)) continue;
    }
    const previous = pair.translation.sections[translationIndex]!;
    const next = pair.translation.sections[translationIndex + 1];
    const line = next ? next.line : previous.endLine + 1;
    return { line: Math.min(line, lastLine), after: describeSection(previous) };
  }
  const first = pair.translation.sections.find((section) => section.level > 0);
  return { line: first?.line ?? 1 };
}
