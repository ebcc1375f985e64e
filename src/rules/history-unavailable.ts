import type { PresetKeys } from "../model/keys.js";
import type { FindingDraft } from "../model/finding.js";
import type { HistoryGap } from "../model/pair.js";
import type { Rule, RuleContext, RunFacts } from "../model/rule.js";

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
 * to the layout's date key. Said once per run and reason, never per file, with how to fix it,
 * naming the pin keys of the layout in use (or saying it has none).
 */
export const historyUnavailable: Rule = {
  id: "history-unavailable",
  severity: "info",
  description: "Git history could not tell which source version some translations were made from; they are checked by date.",
  rationale:
    "Without the source version a translation was made from, the tool can say that a translation is older than its source, not which sections changed; translators then compare whole articles by hand. The finding says why history could not tell and how to give it a pin.",
  messages: {
    gaps: "{summary}.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n" },
    good: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n", translatedFrom: "# Guide\n\nText.\n" },
  },
  checkRun(run: RunFacts, { keys }: RuleContext): FindingDraft[] {
    const { history } = run;
    const parts = history.gaps.map((gap) => {
      const many = gap.count === 1 ? "1 translation" : `${gap.count} translations`;
      let reason = gap.reason === "no-repository" && history.state === "git-missing" ? "git is not installed" : GAP_REASONS[gap.reason];
      if (gap.reason === "added-with-source" && history.importedPins > 0) {
        reason += `; ${history.importedPins} source ${history.importedPins === 1 ? "pin names a commit or version" : "pins name commits or versions"} this repository does not have (copied from another repository?)`;
      }
      return `${many} (such as \`${gap.example}\`) ${gap.count === 1 ? "falls" : "fall"} back to \`${keys.date}\`: ${reason}; ${remedy(gap.reason, keys)}`;
    });
    if (history.shallow && history.unknownPins > 0) {
      parts.push(
        `this clone is shallow and ${history.unknownPins} source ${history.unknownPins === 1 ? "pin names a commit or version" : "pins name commits or versions"} it lacks; fetch full history (\`fetch-depth: 0\`)`,
      );
    }
    if (parts.length === 0) return [];
    // One finding for the run, never one per file: the cause and the fix are the same for all.
    const summary = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(". ");
    return [
      {
        messageId: "gaps",
        file: run.sourceDir,
        key: history.gaps.map((gap) => gap.reason).join(",") || "shallow",
        cause: "unknown",
        data: { summary, state: history.state, shallow: history.shallow, gaps: history.gaps, unknownPins: history.unknownPins },
      },
    ];
  },
};

/** `key` in backticks, or what the layout lacks. */
function pinKeys(names: readonly string[]): string | undefined {
  return names.length === 0 ? undefined : names.map((name) => `\`${name}\``).join(", ");
}

function remedy(gap: HistoryGap, keys: Readonly<PresetKeys>): string {
  const commit = pinKeys(keys.sourceCommit.slice(0, 1));
  const hash = pinKeys(keys.sourceHash.slice(0, 1));
  const noCommitKey = "this layout has no source commit pin key: set `keys.sourceCommit`, see docs/pins.md";
  const noHashKey = "this layout has no source hash pin key: set `keys.sourceHash`";
  switch (gap) {
    case "beyond-shallow-clone": {
      const pins = [commit, hash].filter((names) => names !== undefined);
      return `fetch full history (\`fetch-depth: 0\`)${pins.length === 0 ? ` (${noCommitKey})` : ` or pin the source in front matter (${pins.join(", ")})`}`;
    }
    case "no-repository":
      return hash === undefined ? `run in a git clone (${noHashKey})` : `run in a git clone, or pin the source hash (${hash})`;
    case "not-committed":
      return commit === undefined ? `commit them (${noCommitKey})` : `commit them, or pin the source commit (${commit})`;
    case "version-unreadable":
      return "check the repository with `git fsck`";
    default:
      return commit === undefined ? `pin the source commit in front matter (${noCommitKey})` : `pin the source commit in front matter (${commit}, see docs/pins.md)`;
  }
}
