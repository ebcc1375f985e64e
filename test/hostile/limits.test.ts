import { describe, expect, it } from "vitest";
import { alignSections } from "../../src/align/align.js";
import { changedLineCount } from "../../src/history/line-diff.js";
import { sectionDiff } from "../../src/history/worklist.js";
import type { Section } from "../../src/model/document.js";
import { findExcessiveNesting } from "../../src/parse/nesting.js";
import { cannotRead, checkAndExpectTheRestChecked, findingsOf, HOSTILE_FILE, treeWithTranslation } from "./trees.js";

const deepList = (depth: number) => Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}- item`).join("\n");
const BLOCK_33 = "block quotes or lists are nested 33 deep, over the limit of 32; the file was not parsed";
const INLINE = "emphasis or links are nested more than 32 deep; the file was not parsed";

describe("a fence the parser would not open does not hide what follows from the pre-scan", () => {
  it.each([
    ["an indented ``` (indented code, not a fence)", "    ```\n\n", deepList(1000), 39, BLOCK_33],
    ["a ``` in a list item, which the next unindented line ends", "- ```\n", deepList(1000), 38, BLOCK_33],
    ["a ``` in a block quote, which a line without `>` ends", "> ```\n", deepList(1000), 38, BLOCK_33],
    ["a ``` with a backtick in its info string (not a fence)", "``` a`b\n", deepList(1000), 38, BLOCK_33],
    ["an indented ``` before 20,000 nested emphasis spans", "    ```\n\n", `${"*a ".repeat(20_000)}b${" a*".repeat(20_000)}`, 7, INLINE],
  ])("%s", async (_name, opener, body, line, message) => {
    const report = await checkAndExpectTheRestChecked(await treeWithTranslation(`---\ntitle: Guide\n---\n\n${opener}${body}\n`));
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(line, message)]);
  });

  it("real fences inside list items and quotes are still skipped", () => {
    const limits = { maxBlockDepth: 8, maxInlineDepth: 3, maxInlineMarkers: 10, maxNestingWork: 1000 };
    expect(findExcessiveNesting("- a\n  - b\n    ```\n    [[[[ **x\n    ```\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("> ```\n> [[[[ **x\n> ```\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("1. a\n\n   ```js\n   [[[[ **x\n   ```\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("   ```\n[[[[\n   ```\n", limits)).toBeUndefined();
  });
});

describe("documents whose syntax tree would not fit in memory are refused before parsing", () => {
  it.each([
    ["50,001 lines", "a\n".repeat(50_001), 50_001, "the file has more than 50000 lines; it was not parsed"],
    ["10,001 short paragraphs", "a\n\n".repeat(10_001), 20_005, "the file has more than 10000 paragraphs and other blocks; it was not parsed"],
    ["a table of more than 20,000 cells", "| a | b | c |\n|---|---|---|\n" + "| x | y | z |\n".repeat(5_000), 5_005, "the file's tables have more than 20000 cells; it was not parsed"],
  ])("%s", async (_name, body, line, message) => {
    const report = await checkAndExpectTheRestChecked(await treeWithTranslation(`---\ntitle: Guide\n---\n\n${body}`));
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(line, message)]);
    expect(report.findings.find((finding) => finding.file === HOSTILE_FILE)?.data).toMatchObject({ limit: expect.any(String) });
  });
});

describe("history and alignment work is bounded", () => {
  const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix} ${index}`).join("\n");

  it("a 20,000-line rewrite counts every line of both versions instead of diffing them", () => {
    expect(changedLineCount(lines("old", 20_000), lines("new", 20_000))).toBe(40_000);
    expect(changedLineCount("a\nb\nc\n", "a\nB\nc\n")).toBe(2);
  });

  it("a rewritten section's diff is all old lines, then all new, under a `rewritten` hunk", () => {
    const diff = sectionDiff(lines("old", 3_000), lines("new", 3_000), 10, 12).split("\n");
    expect(diff[0]).toBe("@@ -10,3000 +12,3000 @@ rewritten");
    expect(diff.slice(1, 3)).toEqual(["-old 0", "-old 1"]);
    expect(diff.at(-1)).toBe("+new 2999");
    expect(diff).toHaveLength(6_001);
  });

  it("20,000 × 20,000 headings without shared anchors are paired by position", () => {
    const section = (index: number, level: number): Section =>
      ({ index, level, title: `S${index}`, ids: [`s-${index}`], explicitIds: [], anchor: `s-${index}`, line: index + 1, column: 1, endLine: index + 1, parent: -1, nodes: [] }) as Section;
    // Levels that never match, so the array diff would need 40,000 edits.
    const source = Array.from({ length: 20_000 }, (_, index) => section(index, 2));
    const translation = Array.from({ length: 20_000 }, (_, index) => ({ ...section(index, 3), ids: [`t-${index}`], anchor: `t-${index}` }));
    const rows = alignSections(source, translation).rows;
    expect(rows).toHaveLength(40_000);
    expect(rows.filter((row) => row.source !== undefined && row.translation !== undefined)).toEqual([]);
    const sameShape = alignSections(source, source.map((row, index) => ({ ...row, ids: [`t-${index}`], anchor: `t-${index}` }))).rows;
    expect(sameShape.filter((row) => row.method === "sequence")).toHaveLength(20_000);
  });
});
