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
  options: { key: "ms.translationtype", values: ["MT"] },
  checkFile({ document, isSource, options }: FileContext<MachineTranslatedOptions>): FindingDraft[] {
    if (isSource) return [];
    const value = document.frontMatter[options.key];
    if (typeof value !== "string" || !options.values.some((machine) => machine.toLowerCase() === value.trim().toLowerCase())) return [];
    return [
      {
        file: document.file,
        line: document.frontMatterKeyLines[options.key] ?? 1,
        column: 1,
        message: `\`${options.key}\` is \`${value}\`: this translation was made by machine; expected a human review before it is relied on.`,
        data: { key: options.key, value },
      },
    ];
  },
};
