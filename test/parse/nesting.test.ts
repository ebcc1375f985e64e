import { describe, expect, it } from "vitest";
import type { PhrasingContent, Root } from "mdast";
import { findExcessiveNesting } from "../../src/parse/nesting.js";
import { splitSections } from "../../src/parse/sections.js";

const limits = { maxBlockDepth: 3, maxInlineDepth: 3, maxInlineMarkers: 10, maxNestingWork: 1000 };

describe("findExcessiveNesting", () => {
  it("counts block quote and list markers, and indentation, per line", () => {
    expect(findExcessiveNesting("> > > text\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("text\n> > - > text\n", limits)).toEqual({ line: 2, message: "block quotes or lists are nested 4 deep, over the limit of 3; the file was not parsed" });
    expect(findExcessiveNesting("- a\n\r\n            - b\n", limits)?.line).toBe(3);
    expect(findExcessiveNesting("--- a\n1.5 and 2)x\n", limits)).toBeUndefined();
  });

  it("counts emphasis and brackets that open, within one paragraph", () => {
    expect(findExcessiveNesting("*a **b [c](u) d** e*\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("*a **b [c *d", limits)).toEqual({ line: 1, message: "emphasis or links are nested more than 3 deep; the file was not parsed" });
    expect(findExcessiveNesting("snake_case_name and 2*3*4 and \\[\\[\\[\\[\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("*a **b\n\n[c *d\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("*a* *b* *c* *d* *e* *f*\n", limits)).toEqual({ line: 1, message: "a paragraph has more than 10 emphasis and link markers; the file was not parsed" });
  });

  it("sums the depth of lines and markers over the file", () => {
    const lines = (count: number) => Array.from({ length: count }, () => "> > > text").join("\n");
    expect(findExcessiveNesting(lines(333), limits)).toBeUndefined();
    expect(findExcessiveNesting(lines(334), limits)).toEqual({ line: 334, message: "the nesting of its lines and inline markers adds up to more than 1000 levels; the file was not parsed" });
  });

  it("skips fenced code, which is not parsed for emphasis or links", () => {
    expect(findExcessiveNesting("```js\nconst a = [[[[[1]]]]] * b * c * d * e * f;\n```\n", limits)).toBeUndefined();
    expect(findExcessiveNesting("~~~~\n```\n[[[[\n~~~~\n[[[[\n", limits)?.line).toBe(5);
  });
});

describe("splitSections", () => {
  it("reads a heading nested 100,000 deep without recursion", () => {
    let inner: PhrasingContent = { type: "text", value: "Deep" };
    for (let level = 0; level < 100_000; level++) inner = { type: "emphasis", children: [inner, { type: "html", value: "<br>" }] };
    const tree: Root = { type: "root", children: [{ type: "heading", depth: 2, children: [{ type: "text", value: "Very " }, inner] }] };
    expect(splitSections(tree).map((section) => [section.title, section.anchor])).toEqual([["Very Deep", "very-deep"]]);
  });
});
