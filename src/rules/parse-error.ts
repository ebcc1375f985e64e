import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";
import { fileCause } from "./support/cause.js";

/**
 * A file that could not be read as a Markdown document: the loader and parser record why
 * (unreadable, not a regular file, a link out of the tree, binary, not UTF-8, too large, nested
 * too deeply, invalid or executable front matter); this rule reports it. A file's parse errors
 * share one identity (`key` "document"): the reasons are worded by the parser, not named.
 */
export const parseError: Rule = {
  id: "parse-error",
  severity: "error",
  description: "A file could not be read or parsed: unreadable, not a regular file, not UTF-8 text, too large, nested too deeply, or invalid front matter.",
  rationale:
    "A file the tool cannot read is one no other rule checks, and usually one the site cannot build or shows broken: invalid front matter, a binary or a file in another encoding saved over the translation.",
  messages: {
    unreadable: "Cannot read this file: {reason}.",
  },
  options: {},
  optionsSchema: {},
  reportsUnusable: true,
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "---\ntitle: [unclosed\n---\n\n# Anleitung\n\nText.\n" },
    good: { source: "# Guide\n\nText.\n", translation: "---\ntitle: Anleitung\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkFile({ document, isSource }: FileContext): FindingDraft[] {
    return document.problems
      .filter((problem) => problem.ruleId === "parse-error")
      .map((problem) => ({
        messageId: "unreadable",
        file: document.file,
        ...(problem.line !== undefined && { line: problem.line }),
        ...(problem.column !== undefined && { column: problem.column }),
        key: "document",
        cause: fileCause(isSource),
        // A parser's reason may quote the offending text over several lines; a message is one line.
        data: { reason: problem.message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " "), ...problem.data },
      }));
  },
};
