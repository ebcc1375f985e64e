import { compareSources, isFormattingOnly, needsTranslation, type SourceComparison } from "../history/compare.js";
import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/**
 * The source changed after the version the translation was made from. Changes are compared
 * section by section; a section whose Markdown only changed its spelling (formatting) does not
 * count, and neither do commits marked as needing no translation (the engine leaves them out).
 * Which front matter keys are translated comes from the layout (`keys.translated`).
 */
export const staleSource: Rule = {
  id: "stale-source",
  severity: "warning",
  description: "The source changed since the version the translation was made from; lists the sections added, changed and removed.",
  rationale:
    "This is the work list: the source version the translation was made from is known (a pin, or the translation's last commit), and the sections changed since are named, so a translator updates those and not the whole article. Formatting-only changes and commits marked `L10n-Skip: true` do not count.",
  messages: {
    behind: "The source changed since this translation's baseline `{shortCommit}` ({method}): {changes}; {commits} and {changedLines} lines behind. Update the sections listed.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\n## Ports\n\nOpen port 443.\n", translation: "# Anleitung\n\n## Ports\n\nPort 80 öffnen.\n", translatedFrom: "# Guide\n\n## Ports\n\nOpen port 80.\n" },
    good: { source: "# Guide\n\n## Ports\n\nOpen port 80.\n", translation: "# Anleitung\n\n## Ports\n\nPort 80 öffnen.\n", translatedFrom: "# Guide\n\n## Ports\n\nOpen port 80.\n" },
  },
  checkPair(pair: Pair, { keys }): FindingDraft[] {
    const baseline = pair.baseline;
    if (!baseline?.source || baseline.commit === undefined) return [];
    const comparison = compareSources(baseline.source, baseline.target ?? pair.source, keys.translated);
    const includes = baseline.includesChanged ?? [];
    if (!needsTranslation(comparison) && includes.length === 0) return [];
    const behind = baseline.commitsBehind ?? 0;
    const parts = describeChanges(comparison);
    for (const include of includes) parts.push(`include \`${include.file}\` changed`);
    return [
      {
        messageId: "behind",
        file: pair.translation.file,
        line: baseline.pin?.line ?? 1,
        column: 1,
        // One finding per translation: its identity is the translation being behind, not how far.
        key: "behind",
        cause: "upstream",
        related: [{ file: pair.source.file, line: 1, column: 1, message: "The source now." }],
        data: {
          changes: parts.join("; "),
          commits: `${behind} ${behind === 1 ? "commit" : "commits"}`,
          method: baseline.method,
          shortCommit: baseline.commit.slice(0, 7),
          commit: baseline.commit,
          commitsBehind: behind,
          ...(baseline.outdatedSince !== undefined && { outdatedSince: baseline.outdatedSince }),
          skippedCommits: baseline.skippedCommits ?? 0,
          changedLines: baseline.changedLines ?? 0,
          added: comparison.added.map(({ anchor, title }) => ({ anchor, title })),
          changed: comparison.changed.filter((section) => !isFormattingOnly(section)).map(({ anchor, title, kinds }) => ({ anchor, title, kinds })),
          removed: comparison.removed.map(({ anchor, title }) => ({ anchor, title })),
          formattingOnly: comparison.changed.filter(isFormattingOnly).map(({ anchor }) => anchor),
          frontMatter: comparison.frontMatter,
          includes,
        },
      },
    ];
  },
};

function describeChanges(comparison: SourceComparison): string[] {
  const parts: string[] = [];
  const changed = comparison.changed.filter((section) => !isFormattingOnly(section));
  if (changed.length > 0) parts.push(`changed ${changed.map((section) => `\`#${section.anchor}\` (${section.kinds.join(", ")})`).join(", ")}`);
  if (comparison.added.length > 0) parts.push(`added ${comparison.added.map((section) => `\`#${section.anchor}\``).join(", ")}`);
  if (comparison.removed.length > 0) parts.push(`removed ${comparison.removed.map((section) => `\`#${section.anchor}\``).join(", ")}`);
  if (comparison.frontMatter.length > 0) parts.push(`front matter ${comparison.frontMatter.map((key) => `\`${key}\``).join(", ")}`);
  return parts;
}
