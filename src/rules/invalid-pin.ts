import type { FindingDraft } from "../model/finding.js";
import type { Pair, PinProblem } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/** A translation's source pin that history cannot resolve; the next baseline method was used. */
export const invalidPin: Rule = {
  id: "invalid-pin",
  severity: "warning",
  description: "A source pin in a translation's front matter names a commit or hash the repository does not have for its source.",
  rationale:
    "A pin says which source version a translation was made from; a wrong one (a typo, a commit of another repository, a hash of another file) makes every later comparison wrong or impossible. The translation is then compared by the next method, which the message names.",
  messages: {
    "unknown-commit": "`{key}` is `{value}`, a commit this repository does not have; {fallback}.",
    "source-absent-at-commit": "`{key}` is `{value}`, a commit at which `{source}` did not exist; {fallback}.",
    "no-matching-version": "`{key}` is `{value}`, which matches no version of `{source}`; {fallback}.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\nText.\n",
      translation: "---\nms.sourcegitcommit: 0123456789abcdef0123456789abcdef01234567\n---\n\n# Anleitung\n\nText.\n",
      translatedFrom: "# Guide\n\nText.\n",
    },
    good: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n", translatedFrom: "# Guide\n\nText.\n" },
  },
  checkPair(pair: Pair): FindingDraft[] {
    // Imported with their sources, pins usually name the repository they came from: said once, by `history-unavailable`.
    if (pair.baseline?.gap === "added-with-source") return [];
    // In a shallow clone a pin may just be older than the clone: said once, by `history-unavailable`.
    const problems = (pair.baseline?.pinProblems ?? []).filter((problem) => !(problem.shallow && problem.reason !== "source-absent-at-commit"));
    return problems.map((problem) => ({
      messageId: messageIdOf(problem),
      file: pair.translation.file,
      line: problem.line,
      column: 1,
      key: problem.key,
      cause: "translation",
      data: { key: problem.key, value: problem.value, source: pair.source.file, fallback: fallback(pair), reason: problem.reason, shallow: problem.shallow },
    }));
  },
};

/** Shallow-clone problems other than a missing source are left to `history-unavailable`, so the reason names the message. */
function messageIdOf(problem: PinProblem): string {
  return problem.reason;
}

function fallback(pair: Pair): string {
  const method = pair.baseline?.method;
  return method === "date" || method === undefined ? "the translation is checked by date instead" : `the baseline was found by ${method} instead`;
}
