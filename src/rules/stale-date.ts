import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { FileContext, Rule } from "../model/rule.js";
import { readDate } from "../parse/dates.js";
import { frontMatterKeyLine, frontMatterValue } from "../parse/front-matter.js";

interface StaleDateOptions extends Record<string, unknown> {
  /** Front matter key holding the date the article was last reviewed. */
  dateKey: string;
}

/**
 * The translation's date is older than the source's: the source was updated after it was
 * translated. A date that cannot be read is reported on its own file, once.
 */
export const staleDate: Rule<StaleDateOptions> = {
  id: "stale-date",
  severity: "warning",
  description: "The translation's date (`ms.date`) is older than the source article's.",
  options: { dateKey: "ms.date" },
  checkFile({ document, options }: FileContext<StaleDateOptions>): FindingDraft[] {
    const value = frontMatterValue(document.frontMatter, options.dateKey);
    if (value === undefined) return [];
    const reading = readDate(value);
    if (reading.ok) return [];
    return [
      {
        file: document.file,
        line: frontMatterKeyLine(document.frontMatterKeyLines, options.dateKey) ?? 1,
        column: 1,
        message: `\`${options.dateKey}\` is \`${String(value)}\`, which is not a date (${reading.reason}).`,
        data: { key: options.dateKey, value: String(value) },
      },
    ];
  },
  checkPair(pair: Pair, { options }): FindingDraft[] {
    // History says more than dates: `stale-source` reports from the baseline instead.
    if (pair.baseline && pair.baseline.method !== "date") return [];
    const key = options.dateKey;
    const source = readDate(frontMatterValue(pair.source.frontMatter, key));
    const translation = readDate(frontMatterValue(pair.translation.frontMatter, key));
    if (!source.ok || !translation.ok || translation.day >= source.day) return [];
    return [
      {
        file: pair.translation.file,
        line: frontMatterKeyLine(pair.translation.frontMatterKeyLines, key) ?? 1,
        column: 1,
        message: `\`${key}\` is ${translation.day}, older than the source's ${source.day}: the source changed after this translation.`,
        related: [{ file: pair.source.file, line: frontMatterKeyLine(pair.source.frontMatterKeyLines, key) ?? 1, column: 1, message: "The source's date." }],
        data: { key, translationDate: translation.day, sourceDate: source.day },
      },
    ];
  },
};
