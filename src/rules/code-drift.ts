import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { type CodeBlock, sectionContent } from "../parse/section-content.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView, unmatched } from "./support/compare.js";
import { describeSection } from "./support/sections.js";

interface CodeDifference extends Difference {
  kind: "changed" | "comments" | "missing" | "extra";
  source?: CodeBlock;
  translation?: CodeBlock;
}

/**
 * Code is not translated, so a section's code blocks must equal the source's once whitespace is
 * normalised. Comments may be translated: a block that differs only in comment lines is `info`.
 */
export const codeDrift: Rule = {
  id: "code-drift",
  severity: "warning",
  description: "A code block of a translated section differs from the source's, is missing, or is extra; a difference in comment lines only is info.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, codeDifferences).map((compared) => {
      const { view, difference } = compared;
      const { source, translation } = difference;
      const where = describeSection(view.translation);
      const related = source && { file: view.sourceDocument.file, line: source.line, column: source.column, message: "The code block in the source." };
      const place = translation ?? { line: view.translation.line, column: view.translation.column };
      const data = { kind: difference.kind, ...(source && { sourceLine: source.line }) };
      const message = codeMessage(difference, where);
      const draft = differenceFinding(compared, place, message, related, data);
      if (difference.kind === "comments") draft.severity = "info";
      return draft;
    });
  },
};

function codeMessage({ kind, source, translation }: CodeDifference, where: string): string {
  switch (kind) {
    case "changed":
      return `The code block in ${where} differs from the source's (${firstDifference(source!, translation!)}); expected the source's code.`;
    case "comments":
      return `The code block in ${where} differs from the source's in comment lines only; expected the source's code, comments may be translated.`;
    case "missing":
      return `A code block of the source (line ${source!.line}) is missing from ${where}; expected it, as in the source.`;
    case "extra":
      return `The code block in ${where} is not in the source's section; expected the source's code blocks only.`;
  }
}

function codeDifferences({ source, translation }: SectionPairView): CodeDifference[] {
  const text = (block: CodeBlock) => block.lines.join("\n");
  const sourceRest = unmatched(sectionContent(source).code, sectionContent(translation).code, text);
  const translationRest = unmatched(sectionContent(translation).code, sectionContent(source).code, text);
  const differences: CodeDifference[] = [];
  const paired = Math.min(sourceRest.length, translationRest.length);
  for (let index = 0; index < paired; index++) {
    const [from, to] = [sourceRest[index]!, translationRest[index]!];
    const kind = from.codeLines.join("\n") === to.codeLines.join("\n") ? "comments" : "changed";
    differences.push({ key: `${kind}\0${text(from)}\0${text(to)}`, kind, source: from, translation: to });
  }
  for (const block of sourceRest.slice(paired)) differences.push({ key: `missing\0${text(block)}`, kind: "missing", source: block });
  for (const block of translationRest.slice(paired)) differences.push({ key: `extra\0${text(block)}`, kind: "extra", translation: block });
  return differences;
}

/** The first differing line, quoted, so the message says what changed. */
function firstDifference(source: CodeBlock, translation: CodeBlock): string {
  const length = Math.max(source.lines.length, translation.lines.length);
  for (let index = 0; index < length; index++) {
    const [expected, actual] = [source.lines[index], translation.lines[index]];
    if (expected === actual) continue;
    if (actual === undefined) return `line ${index + 1} \`${clip(expected!)}\` is missing`;
    if (expected === undefined) return `line ${index + 1} \`${clip(actual)}\` is extra`;
    return `line ${index + 1} is \`${clip(actual)}\`, the source has \`${clip(expected)}\``;
  }
  return "in whitespace";
}

function clip(line: string): string {
  const flat = line.replace(/`/g, "'");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
