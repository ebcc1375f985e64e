import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";

interface MachineTranslatedOptions extends Record<string, unknown> {
  /** Front matter key that records how the document was translated. */
  key: string;
  /** Its values that mean machine translation. */
  values: string[];
}

/** Says which translations a machine made, so that readers and reviewers know. */
export const machineTranslated: Rule<MachineTranslatedOptions> = {
  id: "machine-translated",
  severity: "info",
  description: "The translation was machine translated (`ms.translationtype: MT`).",
  rationale:
    "Machine translations are published without a translator's review; knowing which they are tells a localization manager where a human review pays off first.",
  messages: {
    machine: "`{key}` is `{value}`: this translation was made by machine; expected a human review before it is relied on.",
  },
  options: { key: "ms.translationtype", values: ["MT"] },
  optionsSchema: {
    key: { type: "string", minLength: 1, description: "Front matter key that records how the document was translated." },
    values: { type: "array", items: { type: "string", minLength: 1 }, description: "Its values that mean machine translation (compared case-insensitively)." },
  },
  examples: {
    bad: { source: "# Guide\n\nText.\n", translation: "---\nms.translationtype: MT\n---\n\n# Anleitung\n\nText.\n" },
    good: { source: "# Guide\n\nText.\n", translation: "---\nms.translationtype: HT\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkFile({ document, isSource, options }: FileContext<MachineTranslatedOptions>): FindingDraft[] {
    if (isSource) return [];
    const value = Object.hasOwn(document.frontMatter, options.key) ? document.frontMatter[options.key] : undefined;
    if (typeof value !== "string" || !options.values.some((machine) => machine.toLowerCase() === value.trim().toLowerCase())) return [];
    return [
      {
        messageId: "machine",
        file: document.file,
        line: (Object.hasOwn(document.frontMatterKeyLines, options.key) ? document.frontMatterKeyLines[options.key] : undefined) ?? 1,
        column: 1,
        key: options.key,
        cause: "translation",
        data: { key: options.key, value },
      },
    ];
  },
};
