import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";

/**
 * A file that could not be read as a Markdown document: the loader and parser record why
 * (unreadable, not a regular file, a link out of the tree, binary, not UTF-8, too large, nested
 * too deeply, invalid or executable front matter); this rule reports it.
 */
export const parseError: Rule = {
  id: "parse-error",
  severity: "error",
  description: "A file could not be read or parsed: unreadable, not a regular file, not UTF-8 text, too large, nested too deeply, or invalid front matter.",
  options: {},
  checkFile({ document }: FileContext): FindingDraft[] {
    return document.problems
      .filter((problem) => problem.ruleId === "parse-error")
      .map((problem) => {
        const finding: FindingDraft = { file: document.file, message: `Cannot read this file: ${problem.message}.` };
        if (problem.line !== undefined) finding.line = problem.line;
        if (problem.column !== undefined) finding.column = problem.column;
        if (problem.data !== undefined) finding.data = problem.data;
        return finding;
      });
  },
};
