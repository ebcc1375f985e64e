import type { FindingDraft } from "../model/finding.js";
import { digest } from "../util/hash.js";
import type { Pair } from "../model/pair.js";
import type { Rule, RuleContext } from "../model/rule.js";
import { type CodeBlock, sectionContent } from "../parse/section-content.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView, unmatched } from "./support/compare.js";
import { codeSkeleton, isTextOnly, sameLanguage } from "./support/code-skeleton.js";
import { nameUnits, renamedNames, vocabularyWords } from "./support/renamed-names.js";
import type { ParsedDocument } from "../model/document.js";
import { describeSection } from "./support/sections.js";
import { pairLocales } from "./support/targets.js";

interface CodeDriftOptions extends Record<string, unknown> {
  /** Fence languages whose content is prose (diagrams, output, plain text): any difference in them is translated text. */
  proseLanguages: string[];
  /** Report a block that differs only in strings, comments or markup text (`info`); false: say nothing. */
  reportTranslatedText: boolean;
}

interface CodeDifference extends Difference {
  kind: "changed" | "comments" | "text" | "renamed" | "missing" | "extra";
  /** For `renamed`: each name and the name the translation gives it. */
  renamed?: Array<[string, string]>;
  source?: CodeBlock;
  translation?: CodeBlock;
}

const MESSAGES = {
  changed: "The code block in {section} differs from the source's ({difference}); expected the source's code.{sinceNote}",
  "comments-only": "The code block in {section} differs from the source's in comment lines only; expected the source's code, comments may be translated.{sinceNote}",
  "translated-text": "The code block in {section} differs from the source's in strings, comments or text only ({difference}); expected the same code, its text may be translated.{sinceNote}",
  "renamed-names": "The code block in {section} differs from the source's only in names it renames consistently ({renamed}); the code is otherwise the same, and names may be translated.{sinceNote}",
  missing: "A code block of the source is missing from {section}; expected it, as in the source.{sinceNote}",
  extra: "The code block in {section} is not in the source's section; expected the source's code blocks only.{sinceNote}",
};

/**
 * Code is not translated, so a section's code blocks must equal the source's once whitespace is
 * normalised. Comments, string literals and the text of markup and prose-like blocks may be
 * translated: blocks are compared by their token skeleton (`./support/code-skeleton.ts`), and a
 * block that differs only in those is `info`, which never makes a translation broken. So is a block
 * whose only difference is names the sample makes up, renamed consistently into the reader's
 * language (`do_work` → `fazer_trabalho`; `./support/renamed-names.ts`).
 */
export const codeDrift: Rule<CodeDriftOptions> = {
  id: "code-drift",
  severity: "warning",
  description: "A code block of a translated section differs from the source's, is missing, or is extra; a difference in comments, strings, text or consistently translated made-up names only is info.",
  rationale:
    "Readers copy commands and code from the translation. A translated parameter, a command the source has since changed, or a block left out gives them code that fails or does something else; translated comments are fine, and are only noted.",
  messages: MESSAGES,
  messageSeverity: { "comments-only": "info", "translated-text": "info", "renamed-names": "info" },
  options: { proseLanguages: ["mermaid", "text", "plaintext", "txt", "plain", "output", "console", "log"], reportTranslatedText: true },
  optionsSchema: {
    proseLanguages: { type: "array", items: { type: "string", minLength: 1 }, description: "Fence languages whose content is prose (diagrams, program output, plain text): any difference in them is `translated-text`." },
    reportTranslatedText: { type: "boolean", description: "Report blocks that differ only in strings, comments or markup text (`translated-text`) or in translated made-up names (`renamed-names`), as info; false reports nothing for them." },
  },
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
  checkPair(pair: Pair, { options, sourceLocale }: RuleContext<CodeDriftOptions>): FindingDraft[] {
    const prose = new Set(options.proseLanguages.map((language) => language.toLowerCase()));
    const locales = pair.locales ?? pairLocales(sourceLocale, pair.locale);
    const compared = compareSections(pair, (view) => codeDifferences(view, prose, locales));
    return compared.filter(({ difference }) => options.reportTranslatedText || (difference.kind !== "text" && difference.kind !== "renamed")).map((compared) => {
      const { view, difference } = compared;
      const { source, translation } = difference;
      const related = source && { file: view.sourceDocument.file, line: source.line, column: source.column, message: "The code block in the source." };
      const place = translation ?? { line: view.translation.line, column: view.translation.column };
      const data = {
        section: describeSection(view.translation),
        ...((difference.kind === "changed" || difference.kind === "text") && { difference: firstDifference(source!, translation!, difference.kind === "changed" ? locales : undefined) }),
        ...(difference.renamed && { renamed: renamings(difference.renamed) }),
        ...(source && { sourceLine: source.line }),
      };
      return differenceFinding(compared, place, MESSAGE_OF[difference.kind], data, related);
    });
  },
};

const MESSAGE_OF = { changed: "changed", comments: "comments-only", text: "translated-text", renamed: "renamed-names", missing: "missing", extra: "extra" } as const;

function codeDifferences({ source, translation, sourceDocument }: SectionPairView, prose: ReadonlySet<string>, locales: ReadonlySet<string>): CodeDifference[] {
  const text = (block: CodeBlock) => block.lines.join("\n");
  const sourceRest = unmatched(sectionContent(source).code, sectionContent(translation).code, text);
  const translationRest = unmatched(sectionContent(translation).code, sectionContent(source).code, text);
  const differences: CodeDifference[] = [];
  const paired = Math.min(sourceRest.length, translationRest.length);
  for (let index = 0; index < paired; index++) {
    const [from, to] = [sourceRest[index]!, translationRest[index]!];
    const { kind, renamed } = compareBlocks(from, to, prose, locales, sourceDocument);
    differences.push({ key: `${kind}\0${text(from)}\0${text(to)}`, identity: `${kind}:${codeId(from)}`, kind, source: from, translation: to, ...(renamed && { renamed }) });
  }
  for (const block of sourceRest.slice(paired)) differences.push({ key: `missing\0${text(block)}`, identity: `missing:${codeId(block)}`, kind: "missing", source: block });
  for (const block of translationRest.slice(paired)) differences.push({ key: `extra\0${text(block)}`, identity: `extra:${codeId(block)}`, kind: "extra", translation: block });
  return differences;
}

/**
 * How two paired blocks differ: in comment lines only; in text only (equal skeletons, both in a
 * prose language such as a diagram's labels or program output, or both prose-only `md` samples);
 * in names the sample makes up, renamed consistently; or in code. Each skeleton is taken once.
 */
function compareBlocks(source: CodeBlock, translation: CodeBlock, prose: ReadonlySet<string>, locales: ReadonlySet<string>, sourceDocument: ParsedDocument): Pick<CodeDifference, "kind" | "renamed"> {
  if (source.codeLines.join("\n") === translation.codeLines.join("\n")) return { kind: "comments" };
  if (!sameLanguage(source.language, translation.language)) return { kind: "changed" };
  if (prose.has(source.language)) return { kind: "text" };
  const [from, to] = [codeSkeleton(source.lines.join("\n"), source.language, locales), codeSkeleton(translation.lines.join("\n"), translation.language, locales)];
  if (from === to || (isTextOnly(from) && isTextOnly(to))) return { kind: "text" };
  const renamed = renamedNames(nameUnits(from), nameUnits(to), vocabulary(sourceDocument));
  return renamed ? { kind: "renamed", renamed } : { kind: "changed" };
}

const vocabularies = new WeakMap<ParsedDocument, Set<string>>();

/** Every name the source document uses, in its code, inline code, headings and prose: a name it uses is no translation. */
function vocabulary(document: ParsedDocument): Set<string> {
  let words = vocabularies.get(document);
  if (words !== undefined) return words;
  words = new Set<string>();
  for (const section of document.sections) {
    const content = sectionContent(section);
    for (const block of content.code) for (const unit of nameUnits(codeSkeleton(block.lines.join("\n"), block.language))) words.add(unit);
    for (const text of [section.title, content.prose, ...content.inlineCode]) for (const word of vocabularyWords(text)) words.add(word);
  }
  vocabularies.set(document, words);
  return words;
}

/** A short name for a block's code (its source side, for a changed block): the same code, the same identity. */
function codeId(block: CodeBlock): string {
  return digest(block.lines.join("\n")).slice(0, 16);
}

/** The renamings, the first three quoted: `do_work` → `fazer_trabalho`. */
function renamings(renamed: ReadonlyArray<[string, string]>): string {
  const shown = renamed.slice(0, 3).map(([before, after]) => `\`${clip(before)}\` → \`${clip(after)}\``);
  return renamed.length > 3 ? `${shown.join(", ")} and ${renamed.length - 3} more` : shown.join(", ");
}

/**
 * The first differing line, quoted, so the message says what changed. For changed code (`locales`
 * given), lines that differ only in translated text are passed over: `label: '별'` for
 * `label: 'Stars'` is not what makes the block other code.
 */
function firstDifference(source: CodeBlock, translation: CodeBlock, locales?: ReadonlySet<string>): string {
  const length = Math.max(source.lines.length, translation.lines.length);
  const sameCodeLine = (a: string, b: string) => codeSkeleton(a, source.language, locales) === codeSkeleton(b, translation.language, locales);
  const codeDiffers = locales !== undefined && source.lines.some((line, index) => translation.lines[index] !== undefined && !sameCodeLine(line, translation.lines[index]!));
  for (let index = 0; index < length; index++) {
    const [expected, actual] = [source.lines[index], translation.lines[index]];
    if (expected === actual) continue;
    if (codeDiffers && expected !== undefined && actual !== undefined && sameCodeLine(expected, actual)) continue;
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
