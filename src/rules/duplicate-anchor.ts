import type { ParsedDocument, Section } from "../model/document.js";
import type { Cause, FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { FileContext, Rule } from "../model/rule.js";

/**
 * Two sections of one file reachable by the same id: a link to it reaches only the first, and
 * alignment cannot tell which one a translation's section stands for. GitHub slugs are made unique
 * within a file, so the clash always involves an explicit anchor (`<a name>`, `{#id}`).
 *
 * A source's clash is reported once, on the source; a translation reports only the clashes its
 * source does not have, so a dozen locales do not repeat what one English fix resolves.
 */
export const duplicateAnchor: Rule = {
  id: "duplicate-anchor",
  severity: "warning",
  description: "Two sections of one file have the same anchor, so links reach only the first.",
  rationale:
    "Links and the alignment of sections both go by anchor. Two sections with one anchor mean a link reaches only the first, and the tool cannot tell which of them a translated section stands for.",
  messages: {
    duplicate: "Anchor `#{id}` of `{title}` is already the anchor of `{firstTitle}`, so links reach only that one; give each section its own anchor.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## Setup\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n\n## <a name=\"setup\"></a>Konfiguration\n\nText.\n",
    },
    good: {
      source: "# Guide\n\n## Setup\n\nText.\n",
      translation: "# Anleitung\n\n## <a name=\"setup\"></a>Einrichtung\n\nText.\n",
    },
  },
  checkFile({ document, isSource }: FileContext): FindingDraft[] {
    return isSource ? duplicates(document).map((clash) => toFinding(document, clash, "upstream")) : [];
  },
  checkPair(pair: Pair): FindingDraft[] {
    const inSource = new Set(duplicates(pair.source).map((clash) => clash.id));
    return duplicates(pair.translation)
      .filter((clash) => !inSource.has(clash.id))
      .map((clash) => toFinding(pair.translation, clash, "translation"));
  },
};

interface Clash {
  id: string;
  section: Section;
  first: Section;
}

function duplicates(document: ParsedDocument): Clash[] {
  const firstById = new Map<string, Section>();
  const clashes: Clash[] = [];
  for (const section of document.sections) {
    for (const id of section.ids) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, section);
      else clashes.push({ id, section, first });
    }
  }
  return clashes;
}

function toFinding(document: ParsedDocument, { id, section, first }: Clash, cause: Cause): FindingDraft {
  return {
    messageId: "duplicate",
    file: document.file,
    line: section.line,
    column: section.column,
    anchor: id,
    key: id,
    cause,
    related: [{ file: document.file, line: first.line, column: first.column, message: "The first section with this anchor." }],
    data: { id, title: section.title, firstTitle: first.title },
  };
}
