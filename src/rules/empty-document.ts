import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { FileContext, Rule } from "../model/rule.js";
import { fileCause } from "./support/cause.js";

/**
 * A file with nothing to read: empty, blank, or front matter alone. Usually a translation that was
 * created and never written, or a source whose content was lost in a merge. A page made of front
 * matter alone is a page where its source is one too (Hugo's section pages, `_index.md`; splash
 * pages drawn from a `hero`): a translation is reported for front matter alone only when its
 * source has content, and a source never is.
 */
export const emptyDocument: Rule = {
  id: "empty-document",
  severity: "warning",
  description: "A file has no Markdown content: it is empty, blank, or front matter only.",
  rationale:
    "An empty translation publishes an empty page in its locale, and hides the article from every other check; it is usually a file created for a translator and never filled.",
  messages: {
    empty: "The file is empty; write the article, or delete the file.",
    "front-matter-only": "The file has front matter but no content; write the article, or delete the file.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "---\ntitle: Anleitung\n---\n" },
    good: { source: "# Guide\n\nText.\n", translation: "---\ntitle: Anleitung\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkFile({ document, isSource }: FileContext): FindingDraft[] {
    if (document.sections.length > 0 || document.frontMatterLines > 0) return [];
    return [{ messageId: "empty", file: document.file, line: 1, column: 1, key: "document", cause: fileCause(isSource) }];
  },
  checkPair(pair: Pair): FindingDraft[] {
    const { source, translation } = pair;
    if (translation.sections.length > 0 || translation.frontMatterLines === 0 || source.sections.length === 0) return [];
    return [{ messageId: "front-matter-only", file: translation.file, line: 1, column: 1, key: "document", cause: "translation" }];
  },
};
