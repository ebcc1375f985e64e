import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";

/**
 * Two sections of one file reachable by the same id: a link to it reaches only the first, and
 * alignment cannot tell which one a translation's section stands for. GitHub slugs are made unique
 * within a file, so the clash always involves an explicit anchor (`<a name>`, `{#id}`).
 */
export const duplicateAnchor: Rule = {
  id: "duplicate-anchor",
  severity: "warning",
  description: "Two sections of one file have the same anchor, so links reach only the first.",
  options: {},
  checkFile({ document }: FileContext): FindingDraft[] {
    const firstById = new Map<string, (typeof document.sections)[number]>();
    const findings: FindingDraft[] = [];
    for (const section of document.sections) {
      for (const id of section.ids) {
        const first = firstById.get(id);
        if (first === undefined) {
          firstById.set(id, section);
          continue;
        }
        findings.push({
          file: document.file,
          line: section.line,
          column: section.column,
          anchor: id,
          message: `Anchor \`#${id}\` of \`${section.title}\` is already the anchor of \`${first.title}\` on line ${first.line}, so links reach only that one; give each section its own anchor.`,
          related: [{ file: document.file, line: first.line, column: first.column, message: "The first section with this anchor." }],
          data: { id, title: section.title, firstTitle: first.title },
        });
      }
    }
    return findings;
  },
};
