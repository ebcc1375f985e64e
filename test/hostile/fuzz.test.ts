import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignSections } from "../../src/align/align.js";
import { check } from "../../src/index.js";
import type { ParsedDocument } from "../../src/model/document.js";
import type { Finding } from "../../src/model/finding.js";
import { PRESETS } from "../../src/config/presets/index.js";
import { checkedFile, ruleContext, runHook } from "../../src/engine/hooks.js";
import { activateRules } from "../../src/engine/rule-settings.js";
import type { Pair } from "../../src/model/pair.js";
import { parseDocument } from "../../src/parse/document.js";
import { RULES } from "../../src/rules/index.js";
import { makeTree } from "../support/fixtures.js";

/**
 * Inputs are a few kilobytes at most, and nesting is bounded by the parser's pre-scan, so every
 * run takes bounded time by construction; nothing here is timed.
 */
const FRAGMENTS = [
  "# ", "## ", "### ", "###### ", "####### ", "\n", "\n\n", "\r\n", "\r", "text", "Über", "中文", " ", "\t",
  "> ", "- ", "* ", "+ ", "1. ", "2) ", "*", "**", "_", "__", "~~", "[", "]", "(", ")", "](x.md)", "![", "[^1]", "[^1]: note",
  "`", "```", "~~~", "    code", "<a name=\"x\"></a>", "<a id='y'></a>", "<a name=\"\"></a>", "{#z}", "{#}", "<!--", "-->", "<div>", "</div>",
  "|", "| a | b |", "|---|---|", "---", "===", "***", "\\", "&amp;", "&#0;", "&#x110000;", "<http://a>", "[r]: http://r", "\ufeff", "\u200b",
];

const nested = fc.tuple(fc.constantFrom("> ", "- ", "  - ", "*a ", " a*", "[", "](u)", "~~a "), fc.integer({ min: 1, max: 120 })).map(([unit, count]) => unit.repeat(count));
const markdown = fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: nested }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 80 }).map((parts) => parts.join(""));

const YAML_PIECES = ["title: A", "ms.date: 10/07/2020", "ms.date: 13/45/2020", "ms.date: [1, 2]", "ms.contentlocale: de-DE", "a: &a [1, 2]", "b: [*a, *a]", "c: *nope", "- x", "? k", ": v", "!!binary aGk=", "!!js/function 'function(){}'", "key: 'unclosed", "\"q\": 1", "{ j: 1 }", "null", "~", "  nested: 1", "\t", "---x", "..."];
const frontMatter = fc.tuple(fc.constantFrom("---", "---yaml", "---json", "---js", "---coffee", "--- ", "----"), fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 8 }), fc.constantFrom("---", "...", "", "--- x"))
  .map(([open, lines, close]) => `${open}\n${lines.join("\n")}\n${close}\n`);
const documentText = fc.tuple(fc.option(frontMatter, { nil: "" }), markdown, fc.constantFrom("\n", "\r\n")).map(([head, body, newline]) => (head + body).replaceAll("\n", newline));

const encode = (text: string) => new TextEncoder().encode(text);

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** The invariants every parsed document keeps, whatever its input. */
function expectWellFormed(document: ParsedDocument, text: string): void {
  const lines = lineCount(text);
  document.sections.forEach((section, index) => {
    expect(section.index).toBe(index);
    expect(section.parent).toBeLessThan(index);
    expect(section.line).toBeGreaterThanOrEqual(1);
    expect(section.line).toBeLessThanOrEqual(section.endLine);
    expect(section.endLine).toBeLessThanOrEqual(lines);
    expect(section.title).not.toMatch(/\n/);
  });
  for (const problem of document.problems) {
    expect(problem.message).not.toMatch(/\n/);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
  }
  if (!document.usable) expect(document.problems.length).toBeGreaterThan(0);
}

/** Every rule hook on one pair of documents, through the engine's hook runner, which validates each draft. */
function runRules(source: ParsedDocument, translation: ParsedDocument): Finding[] {
  const findings: Finding[] = [];
  const scope = { locale: "de", article: "a.md", files: [checkedFile(source), checkedFile(translation)] };
  for (const active of activateRules(RULES, {}, PRESETS.default.keys)) {
    const { rule } = active;
    const context = ruleContext(active, "en");
    const add = (found: Finding[]) => found.forEach((finding) => findings.push(finding));
    for (const [document, isSource] of [[source, true], [translation, false]] as const) {
      if (rule.checkFile && (document.usable || rule.reportsUnusable)) add(runHook(active, document.file, scope, () => rule.checkFile!({ ...context, document, isSource, locale: isSource ? "en" : "de", localeCode: "de-DE" })));
    }
    if (source.usable && translation.usable) {
      const pair: Pair = { article: "a.md", locale: "de", source, translation, alignment: alignSections(source.sections, translation.sections) };
      if (rule.checkPair) add(runHook(active, translation.file, scope, () => rule.checkPair!(pair, context)));
    }
    if (rule.checkUnpaired) add(runHook(active, source.file, scope, () => rule.checkUnpaired!({ article: "a.md", locale: "de", file: source.file, side: "source", expectedFile: translation.file }, context)));
  }
  return findings;
}

describe("fuzzing the parser", () => {
  it("never throws on random Markdown with front matter, and keeps its invariants", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        expectWellFormed(parseDocument("a.md", encode(text)), text);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const document = parseDocument("a.md", bytes);
        if (!document.usable) expect(document.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("fuzzing the rules", () => {
  it("no rule throws on any pair of documents, and every message is one line", () => {
    fc.assert(
      fc.property(documentText, documentText, (sourceText, translationText) => {
        // The hook runner throws RULE_FAILED on any draft outside its file, of an unknown messageId or of more than one line.
        const findings = runRules(parseDocument("articles/a.md", encode(sourceText)), parseDocument("locales/de/a.md", encode(translationText)));
        for (const finding of findings) {
          expect(finding.message).not.toMatch(/\n/);
          if (finding.line !== undefined) expect(finding.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the whole pipeline never fails on a random tree, and gives the same JSON twice", async () => {
    await fc.assert(
      fc.asyncProperty(documentText, documentText, documentText, async (source, german, swedish) => {
        const root = await makeTree({ "articles/a.md": source, "locales/de/a.md": german, "locales/sv/a.md": swedish, "locales/sv/b.md": german });
        const first = JSON.stringify(await check({ root }));
        expect(JSON.stringify(await check({ root }))).toBe(first);
      }),
      { numRuns: 15 },
    );
  });
});

/** Headings with ids drawn from a small set, each id at most once per document. */
const anchoredDocument = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), { maxLength: 8 }).chain((ids) =>
  fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), fc.integer({ min: 1, max: 4 }), fc.boolean()))).map((headings) =>
    headings.map(([id, level, withText]) => `${"#".repeat(level)} <a name="${id}"></a>Title ${id}${withText ? `\n\nText of ${id}.` : ""}\n`).join("\n"),
  ),
);
const freeDocument = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom("Intro", "Setup", "Usage", "Next steps", "Einleitung", "Nutzung")), { maxLength: 8 })
  .map((headings) => headings.map(([level, title]) => `${"#".repeat(level)} ${title}\n`).join("\n"));

function sectionsOf(text: string) {
  return parseDocument("a.md", encode(text)).sections;
}

function matchedPairs(rows: ReturnType<typeof alignSections>["rows"], swap = false): string[] {
  return rows
    .filter((row) => row.method === "anchor")
    .map((row) => (swap ? `${row.translation}-${row.source}` : `${row.source}-${row.translation}`))
    .sort();
}

describe("fuzzing the alignment", () => {
  it("is deterministic, and places every section of both sides exactly once", () => {
    fc.assert(
      fc.property(fc.oneof(anchoredDocument, freeDocument, markdown), fc.oneof(anchoredDocument, freeDocument, markdown), (sourceText, translationText) => {
        const source = sectionsOf(sourceText);
        const translation = sectionsOf(translationText);
        const alignment = alignSections(source, translation);
        expect(alignSections(source, translation)).toEqual(alignment);
        expect(alignment.rows.flatMap((row) => (row.source === undefined ? [] : [row.source])).sort((a, b) => a - b)).toEqual(source.map((section) => section.index));
        expect(alignment.rows.flatMap((row) => (row.translation === undefined ? [] : [row.translation])).sort((a, b) => a - b)).toEqual(translation.map((section) => section.index));
      }),
      { numRuns: 200 },
    );
  });

  it("matches the same sections by anchor whichever side is the source, when anchors are unique", () => {
    fc.assert(
      fc.property(anchoredDocument, anchoredDocument, (left, right) => {
        const a = sectionsOf(left);
        const b = sectionsOf(right);
        expect(matchedPairs(alignSections(b, a).rows, true)).toEqual(matchedPairs(alignSections(a, b).rows));
      }),
      { numRuns: 200 },
    );
  });

  it("matches a document with itself section for section", () => {
    fc.assert(
      fc.property(fc.oneof(anchoredDocument, freeDocument, markdown), (text) => {
        const sections = sectionsOf(text);
        const rows = alignSections(sections, sections).rows;
        expect(rows.map((row) => [row.source, row.translation])).toEqual(sections.map((section) => [section.index, section.index]));
      }),
      { numRuns: 200 },
    );
  });
});
