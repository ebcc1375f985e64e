import type { FindingDraft } from "../model/finding.js";
import type { Pair, PinProblem } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/** A translation's source pin that history cannot resolve; the next baseline method was used. */
export const invalidPin: Rule = {
  id: "invalid-pin",
  severity: "warning",
  description: "A source pin in a translation's front matter names a commit or hash the repository does not have for its source.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    // Imported with their sources, pins usually name the repository they came from: said once, by `history-unavailable`.
    if (pair.baseline?.gap === "added-with-source") return [];
    // In a shallow clone a pin may just be older than the clone: said once, by `history-unavailable`.
    const problems = (pair.baseline?.pinProblems ?? []).filter((problem) => !(problem.shallow && problem.reason !== "source-absent-at-commit"));
    return problems.map((problem) => ({
      file: pair.translation.file,
      line: problem.line,
      column: 1,
      message: `\`${problem.key}\` is \`${problem.value}\`, ${explain(problem, pair.source.file)}; ${fallback(pair)}.`,
      data: { key: problem.key, value: problem.value, reason: problem.reason, shallow: problem.shallow },
    }));
  },
};

function explain(problem: PinProblem, sourceFile: string): string {
  switch (problem.reason) {
    case "unknown-commit":
      return problem.shallow ? "a commit this shallow clone does not have" : "a commit this repository does not have";
    case "source-absent-at-commit":
      return `a commit at which \`${sourceFile}\` did not exist`;
    case "no-matching-version":
      return `which matches no version of \`${sourceFile}\`${problem.shallow ? " in this shallow clone" : ""}`;
  }
}

function fallback(pair: Pair): string {
  const method = pair.baseline?.method;
  return method === "date" || method === undefined ? "the translation is checked by date instead" : `the baseline was found by ${method} instead`;
}
