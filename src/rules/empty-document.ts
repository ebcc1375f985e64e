import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";

/**
 * A file with nothing to read: empty, blank, or front matter alone. Usually a translation that was
 * created and never written, or a source whose content was lost in a merge.
 */
export const emptyDocument: Rule = {
  id: "empty-document",
  severity: "warning",
  description: "A file has no Markdown content: it is empty, blank, or front matter only.",
  options: {},
  checkFile({ document }: FileContext): FindingDraft[] {
    if (document.sections.length > 0) return [];
    const what = document.frontMatterLines > 0 ? "has front matter but no content" : "is empty";
    return [{ file: document.file, line: 1, column: 1, message: `The file ${what}; write the article, or delete the file.` }];
  },
};
