import type { FindingDraft } from "../model/finding.js";
import type { UnpairedFile } from "../model/pair.js";
import type { Rule } from "../model/rule.js";

/**
 * A source article with no file in a locale. Its cause is `upstream`: the source has content the
 * locale lacks, which is translation work to schedule, not a translator's error. Off by default:
 * every translation's state already says `missing`, and most sites are partly translated by
 * design (OpenTelemetry's Bengali has 17 of 768 pages), where a finding per page is noise.
 */
export const missingTranslation: Rule = {
  id: "missing-translation",
  severity: "warning",
  description: "A source article has no translation in a locale.",
  rationale:
    "Readers of the locale get the English page, or none. Counting these per locale tells a localization manager how much is left to translate.",
  messages: {
    missing: "`{article}` has no `{locale}` translation; expected `{expectedFile}`.",
  },
  offByDefault: true,
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nText.\n" },
    good: { source: "# Guide\n\nText.\n", translation: "# Anleitung\n\nText.\n" },
  },
  checkUnpaired(unpaired: UnpairedFile): FindingDraft[] {
    if (unpaired.side !== "source") return [];
    return [
      {
        messageId: "missing",
        file: unpaired.file,
        key: unpaired.expectedFile,
        cause: "upstream",
        data: { article: unpaired.article, locale: unpaired.locale, expectedFile: unpaired.expectedFile },
      },
    ];
  },
};
