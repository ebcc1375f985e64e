import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/**
 * A translation the checked change edits, whose source-commit pin names the same commit as before
 * although the source changed since that commit: the translator updated the page but not its pin
 * (OpenTelemetry's `drift-pr-guard.mjs` fails such a pull request). Only with `--changed-since`
 * and history; off by default, on in the pull request workflow sample.
 */
export const pinNotUpdated: Rule = {
  id: "pin-not-updated",
  severity: "warning",
  description: "A translation the checked change edits keeps a source-commit pin that its source has moved on from.",
  rationale:
    "After a translator brings a page up to date, its pin must name the source commit it now matches; an unchanged pin keeps the page reported as outdated (and its site banner on), or hides that later source changes were not carried over. Run `l10n-drift pin <file>` with the commit translated.",
  messages: {
    "pin-not-moved": "The change edits this translation but `{key}` still names `{commit}`, {commitsBehind} source {commitsNoun} behind; expected the pin moved to the source commit translated (`l10n-drift pin`).",
  },
  offByDefault: true,
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      translatedFrom: "# Guide\n\nText.\n",
      source: "# Guide\n\nText.\n\n## Install\n\nRun it.\n",
      translation: "---\nms.sourcegitcommit: {translatedFrom}\n---\n\n# Anleitung\n\nText.\n",
      changedTranslation: "---\nms.sourcegitcommit: {translatedFrom}\n---\n\n# Anleitung\n\nText.\n\n## Installieren\n\nAusführen.\n",
    },
    good: {
      translatedFrom: "# Guide\n\nText.\n",
      source: "# Guide\n\nText.\n\n## Install\n\nRun it.\n",
      translation: "---\nms.sourcegitcommit: {translatedFrom}\n---\n\n# Anleitung\n\nText.\n",
      changedTranslation: "---\nms.sourcegitcommit: {source}\n---\n\n# Anleitung\n\nText.\n\n## Installieren\n\nAusführen.\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const { change, baseline } = pair;
    if (!change?.existed || !change.translationChanged || baseline?.method !== "source-commit-pin" || !baseline.pin) return [];
    const behind = baseline.commitsBehind ?? 0;
    if (behind === 0 || change.pinBefore === undefined || change.pinBefore !== baseline.pin.value) return [];
    return [
      {
        messageId: "pin-not-moved",
        file: pair.translation.file,
        line: baseline.pin.line,
        column: 1,
        key: baseline.pin.key,
        cause: "translation",
        data: { key: baseline.pin.key, commit: baseline.pin.value.slice(0, 12), commitsBehind: behind, commitsNoun: behind === 1 ? "commit" : "commits", since: change.since },
      },
    ];
  },
};
