import type { FindingDraft } from "../model/finding.js";
import { digest } from "../util/hash.js";
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

const MESSAGES = {
  changed: "The code block in {section} differs from the source's ({difference}); expected the source's code.{sinceNote}",
  "comments-only": "The code block in {section} differs from the source's in comment lines only; expected the source's code, comments may be translated.{sinceNote}",
  missing: "A code block of the source is missing from {section}; expected it, as in the source.{sinceNote}",
  extra: "The code block in {section} is not in the source's section; expected the source's code blocks only.{sinceNote}",
};

/**
 * Code is not translated, so a section's code blocks must equal the source's once whitespace is
 * normalised. Comments may be translated: a block that differs only in comment lines is `info`.
 */
export const codeDrift: Rule = {
  id: "code-drift",
  severity: "warning",
  description: "A code block of a translated section differs from the source's, is missing, or is extra; a difference in comment lines only is info.",
  rationale:
    "Readers copy commands and code from the translation. A translated parameter, a command the source has since changed, or a block left out gives them code that fails or does something else; translated comments are fine, and are only noted.",
  messages: MESSAGES,
  messageSeverity: { "comments-only": "info" },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## Create\n\n```sh\nnew-circuit --bandwidth 200\n```\n",
      translation: "# Anleitung\n\n## Create\n\n```sh\nnew-circuit --bandwidth 50\n```\n",
    },
    good: {
      source: "# Guide\n\n## Create\n\n```sh\n# create it\nnew-circuit --bandwidth 200\n```\n",
      translation: "# Anleitung\n\n## Create\n\n```sh\n# create it\nnew-circuit --bandwidth 200\n```\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, codeDifferences).map((compared) => {
      const { view, difference } = compared;
      const { source, translation } = difference;
      const related = source && { file: view.sourceDocument.file, line: source.line, column: source.column, message: "The code block in the source." };
      const place = translation ?? { line: view.translation.line, column: view.translation.column };
      const data = {
        section: describeSection(view.translation),
        ...(difference.kind === "changed" && { difference: firstDifference(source!, translation!) }),
        ...(source && { sourceLine: source.line }),
      };
      return differenceFinding(compared, place, difference.kind === "comments" ? "comments-only" : difference.kind, data, related);
    });
  },
};

function codeDifferences({ source, translation }: SectionPairView): CodeDifference[] {
  const text = (block: CodeBlock) => block.lines.join("\n");
  const sourceRest = unmatched(sectionContent(source).code, sectionContent(translation).code, text);
  const translationRest = unmatched(sectionContent(translation).code, sectionContent(source).code, text);
  const differences: CodeDifference[] = [];
  const paired = Math.min(sourceRest.length, translationRest.length);
  for (let index = 0; index < paired; index++) {
    const [from, to] = [sourceRest[index]!, translationRest[index]!];
    const kind = from.codeLines.join("\n") === to.codeLines.join("\n") ? "comments" : "changed";
    differences.push({ key: `${kind}\0${text(from)}\0${text(to)}`, identity: `${kind}:${codeId(from)}`, kind, source: from, translation: to });
  }
  for (const block of sourceRest.slice(paired)) differences.push({ key: `missing\0${text(block)}`, identity: `missing:${codeId(block)}`, kind: "missing", source: block });
  for (const block of translationRest.slice(paired)) differences.push({ key: `extra\0${text(block)}`, identity: `extra:${codeId(block)}`, kind: "extra", translation: block });
  return differences;
}

/** A short name for a block's code (its source side, for a changed block): the same code, the same identity. */
function codeId(block: CodeBlock): string {
  return digest(block.lines.join("\n")).slice(0, 16);
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
