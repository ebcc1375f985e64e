import type { FindingDraft } from "../model/finding.js";
import type { HistoryGap } from "../model/pair.js";
import type { Rule, RunFacts } from "../model/rule.js";

const GAP_REASONS: Record<HistoryGap, string> = {
  "no-repository": "the tree is not in a git repository",
  "not-committed": "not committed yet",
  "added-with-source": "committed together with the source, so history cannot tell which version was translated",
  "beyond-shallow-clone": "last committed where this shallow clone's history starts",
  "source-not-committed": "the source was not committed when the translation was",
  "version-unreadable": "git could not give the source version it was made from (a missing or corrupt object, one over `maxFileBytes`, or git stopped answering)",
};

/**
 * History could not name the source version some translations were made from; they fall back
 * to `ms.date`. Said once per run and reason, never per file, with how to fix it.
 */
export const historyUnavailable: Rule = {
  id: "history-unavailable",
  severity: "info",
  description: "Git history could not tell which source version some translations were made from; they are checked by date.",
  options: {},
  checkRun(run: RunFacts): FindingDraft[] {
    const { history } = run;
    const parts = history.gaps.map((gap) => {
      const many = gap.count === 1 ? "1 translation" : `${gap.count} translations`;
      let reason = gap.reason === "no-repository" && history.state === "git-missing" ? "git is not installed" : GAP_REASONS[gap.reason];
      if (gap.reason === "added-with-source" && history.importedPins > 0) {
        reason += `; ${history.importedPins} source ${history.importedPins === 1 ? "pin names a commit or version" : "pins name commits or versions"} this repository does not have (copied from another repository?)`;
      }
      return `${many} (such as \`${gap.example}\`) ${gap.count === 1 ? "falls" : "fall"} back to \`ms.date\`: ${reason}; ${remedy(gap.reason)}`;
    });
    if (history.shallow && history.unknownPins > 0) {
      parts.push(
        `this clone is shallow and ${history.unknownPins} source ${history.unknownPins === 1 ? "pin names a commit or version" : "pins name commits or versions"} it lacks; fetch full history (\`fetch-depth: 0\`)`,
      );
    }
    if (parts.length === 0) return [];
    // One finding for the run, never one per file: the cause and the fix are the same for all.
    const message = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(". ");
    return [
      {
        file: run.sourceDir,
        message: `${message}.`,
        data: { state: history.state, shallow: history.shallow, gaps: history.gaps, unknownPins: history.unknownPins },
      },
    ];
  },
};

function remedy(gap: HistoryGap): string {
  switch (gap) {
    case "beyond-shallow-clone":
      return "fetch full history (`fetch-depth: 0`) or pin the source in front matter (`ms.sourcegitcommit`, `ms.openlocfilehash`)";
    case "no-repository":
      return "run in a git clone, or pin the source hash (`ms.openlocfilehash`)";
    case "not-committed":
      return "commit them, or pin the source commit (`ms.sourcegitcommit`)";
    case "version-unreadable":
      return "check the repository with `git fsck`";
    default:
      return "pin the source commit in front matter (`ms.sourcegitcommit`, see docs/pins.md)";
  }
}
