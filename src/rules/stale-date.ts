import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { FileContext, Rule } from "../model/rule.js";
import { readDate } from "../parse/dates.js";
import { frontMatterKeyLine, frontMatterValue } from "../parse/front-matter.js";
import { fileCause } from "./support/cause.js";

interface StaleDateOptions extends Record<string, unknown> {
  /** Front matter key holding the date the article was last reviewed; absent: the layout's date key. */
  dateKey?: string;
}

/**
 * The translation's date is older than the source's: the source was updated after it was
 * translated. A date that cannot be read is reported on its own file, once.
 */
export const staleDate: Rule<StaleDateOptions> = {
  id: "stale-date",
  severity: "warning",
  description: "The translation's date (`ms.date`, or the layout's date key) is older than the source article's.",
  rationale:
    "Where history cannot tell which source version a translation was made from, dates are the remaining evidence: a translation dated before its source was probably made before the source's last update. Where history gives a baseline, `stale-source` says more and this rule stays quiet.",
  messages: {
    older: "`{key}` is {translationDate}, older than the source's {sourceDate}: the source changed after this translation.",
    unreadable: "`{key}` is `{value}`, which is not a date ({reason}).",
  },
  options: {},
  optionsSchema: {
    dateKey: { type: "string", minLength: 1, description: "Front matter key holding the date an article was last updated. Default: the layout's date key (`keys.date`)." },
  },
  examples: {
    bad: { source: "---\nms.date: 03/01/2024\n---\n\n# Guide\n\nText.\n", translation: "---\nms.date: 01/15/2024\n---\n\n# Anleitung\n\nText.\n" },
    good: { source: "---\nms.date: 03/01/2024\n---\n\n# Guide\n\nText.\n", translation: "---\nms.date: 2024-03-01\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkFile({ document, isSource, options, keys }: FileContext<StaleDateOptions>): FindingDraft[] {
    const key = options.dateKey ?? keys.date;
    const value = frontMatterValue(document.frontMatter, key);
    // A switch, not a date: Starlight's `lastUpdated: false` hides the page's date.
    if (value === undefined || typeof value === "boolean") return [];
    const reading = readDate(value);
    if (reading.ok) return [];
    return [
      {
        messageId: "unreadable",
        file: document.file,
        line: frontMatterKeyLine(document.frontMatterKeyLines, key) ?? 1,
        column: 1,
        key,
        cause: fileCause(isSource),
        data: { key, value: String(value), reason: reading.reason },
      },
    ];
  },
  checkPair(pair: Pair, { options, keys }): FindingDraft[] {
    // History says more than dates: `stale-source` reports from the baseline instead.
    if (pair.baseline && pair.baseline.method !== "date") return [];
    const key = options.dateKey ?? keys.date;
    const source = readDate(frontMatterValue(pair.source.frontMatter, key));
    const translation = readDate(frontMatterValue(pair.translation.frontMatter, key));
    if (!source.ok || !translation.ok || translation.day >= source.day) return [];
    return [
      {
        messageId: "older",
        file: pair.translation.file,
        line: frontMatterKeyLine(pair.translation.frontMatterKeyLines, key) ?? 1,
        column: 1,
        key,
        cause: "upstream",
        related: [{ file: pair.source.file, line: frontMatterKeyLine(pair.source.frontMatterKeyLines, key) ?? 1, column: 1, message: "The source's date." }],
        data: { key, translationDate: translation.day, sourceDate: source.day },
      },
    ];
  },
};
