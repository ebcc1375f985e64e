import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument, parseMarkdown } from "../../src/parse/document.js";
import { readFrontMatter } from "../../src/parse/front-matter.js";
import { reparseNear } from "../../src/parse/reparse.js";
import type { ParsedDocument } from "../../src/model/document.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** The new version parsed with the old one to reuse, and parsed whole: they must be the same document. */
function bothWays(file: string, before: string, after: string): { older: ParsedDocument; reused: ParsedDocument } {
  const older = parseDocument(file, encode(before));
  const reused = parseDocument(file, encode(after), undefined, [older]);
  expect(reused).toStrictEqual(parseDocument(file, encode(after)));
  return { older, reused };
}

const ARTICLE = [
  "---",
  "title: Models",
  "---",
  "",
  "# Models",
  "",
  "Intro with a [reference][docs] link.",
  "",
  "## First",
  "",
  "- a list",
  "- of items",
  "",
  "## Second",
  "",
  "Text of the second section.",
  "",
  "```sh",
  "run --this",
  "```",
  "",
  "## Third",
  "",
  "> A quote.",
  "",
  "[docs]: https://example.com/docs",
  "",
].join("\n");

const edit = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe("parsing a version where it differs from another", () => {
  it("keeps the nodes before the change and moves those after it", () => {
    const after = edit(ARTICLE, "Text of the second section.", "Text of the second section,\nnow on two lines.");
    const { older, reused } = bothWays("a.md", ARTICLE, after);
    expect(reused.sections.map((section) => [section.title, section.line])).toEqual([
      ["Models", 5],
      ["First", 9],
      ["Second", 14],
      ["Third", 23],
    ]);
    // The first section's nodes are the old version's own; the third's are copies, a line lower.
    expect(reused.sections[1]!.nodes[0]).toBe(older.sections[1]!.nodes[0]);
    expect(reused.sections[3]!.nodes[0]).not.toBe(older.sections[3]!.nodes[0]);
    expect(reused.sections[3]!.nodes[0]!.position!.start.line).toBe(older.sections[3]!.nodes[0]!.position!.start.line + 1);
  });

  it("parses only the sections that changed, and none that moved", () => {
    // What the parser is given, and the same document as a whole parse.
    const parsedTexts = (before: string, after: string): string[] => {
      bothWays("a.md", before, after);
      const texts: string[] = [];
      const body = (text: string) => readFrontMatter(text).body;
      const version = { body: body(before), children: parseMarkdown(body(before)).children };
      const children = reparseNear(body(after), [version], (text) => {
        texts.push(text);
        return parseMarkdown(text).children;
      });
      expect(children).toEqual(parseMarkdown(body(after)).children);
      return texts;
    };
    const twice = edit(edit(ARTICLE, "Intro with", "An intro with"), "> A quote.", "> A longer\n> quote.");
    // The first stretch runs to the next heading's line, then the labels the kept sections define.
    expect(parsedTexts(ARTICLE, twice)).toEqual(["\n\n\n\n# Models\n\nAn intro with a [reference][docs] link.\n\n## First\n\n[docs]: #", "## Third\n\n> A longer\n> quote.\n\n[docs]: https://example.com/docs\n"]);
    const second = "## Second\n\nText of the second section.\n\n```sh\nrun --this\n```\n\n";
    expect(parsedTexts(ARTICLE, edit(edit(ARTICLE, second, ""), "## First", `${second}## First`))).toEqual([]);
    // A `#` line in code is not where a stretch starts.
    const shell = edit(ARTICLE, "run --this", "# a comment\nrun --this");
    expect(parsedTexts(shell, edit(shell, "run --this", "run --that"))).toEqual(["## Second\n\nText of the second section.\n\n```sh\n# a comment\nrun --that\n```\n\n## Third\n\n[docs]: #"]);
    // Nothing in common: no reuse, and the caller parses the text whole.
    expect(reparseNear("# A\n", [{ body: "# B\n", children: parseMarkdown("# B\n").children }], parseMarkdown.bind(undefined) as never)).toBeUndefined();
  });

  it("reparses what an unclosed fence swallows", () => {
    // Four backticks: only four or more close the fence, so it runs to the end.
    for (const before of [ARTICLE, edit(ARTICLE, "[docs]: https://example.com/docs\n", "")]) {
      const { older, reused } = bothWays("a.md", before, edit(before, "Text of the second section.", "````"));
      expect(reused.sections.map((section) => section.title)).toEqual(["Models", "First", "Second"]);
      expect(reused.sections[1]!.nodes[0]).not.toBe(older.sections[1]!.nodes[0]);
    }
  });

  it("reads a kept reference with the definitions the new text has", () => {
    // The definition moves into the changed stretch: the intro's `[reference][docs]` is still a link.
    const moved = edit(edit(ARTICLE, "[docs]: https://example.com/docs\n", ""), "Text of the second section.", "Text.\n\n[docs]: https://example.com/other");
    const { reused } = bothWays("a.md", ARTICLE, moved);
    expect(reused.sections[0]!.definitions).toEqual({ docs: "https://example.com/other" });
    // Without a definition the reference is text, in the kept sections too.
    const { reused: none } = bothWays("a.md", ARTICLE, edit(ARTICLE, "[docs]: https://example.com/docs\n", "No definition.\n"));
    expect(none.sections[0]!.definitions).toBeUndefined();
    // A definition added where the text changed turns a kept `[x]` into a link.
    // The last section changed, and its reference is defined in a kept one: parsed whole, still a link.
    const early = "# A\n\n[d]: https://example.com/d\n\n## B\n\nSee [d].\n";
    expect(bothWays("a.md", early, edit(early, "See [d].", "See [d] now.")).reused.sections[1]!.definitions).toEqual({ d: "https://example.com/d" });
    const added = edit(edit(ARTICLE, "- of items", "- of [items]"), "> A quote.", "> A quote.\n\n[items]: https://example.com/items");
    expect(bothWays("a.md", added, edit(added, "Text of the second section.", "[items]: https://example.com/items")).reused.sections.length).toBe(4);
  });

  it("gives the same document for front matter, line endings, MDX and identical bodies", () => {
    bothWays("a.md", ARTICLE, edit(ARTICLE, "title: Models", "title: Models\ndescription: New"));
    bothWays("a.md", ARTICLE.replaceAll("\n", "\r\n"), edit(ARTICLE, "Text of", "More text of").replaceAll("\n", "\r\n"));
    bothWays("a.md", ARTICLE, edit(ARTICLE, "Text of", "Text\rof"));
    bothWays("a.mdx", ARTICLE, edit(ARTICLE, "Text of the second section.", "<Tabs>\n\n    indented, not code\n\n</Tabs>"));
    bothWays("a.md", ARTICLE, edit(ARTICLE, "title: Models", "title: Renamed"));
    bothWays("a.md", ARTICLE, edit(ARTICLE, "## Third", "Third\n-----"));
    bothWays("a.md", ARTICLE, edit(ARTICLE, "- of items\n", "- of items\n  # not a top-level heading\n"));
    bothWays("a.md", ARTICLE, `${ARTICLE}## Appended\n\nAt the end.\n`);
  });

  it("gives the same document for every pair of versions the bundled articles make", () => {
    const english = readFileSync(new URL("../../articles/expressroute/expressroute-connectivity-models.md", import.meta.url), "utf8");
    const lines = english.split("\n");
    // Each version drops, doubles or rewrites one line of the article: every kind of block is cut somewhere.
    for (let index = 0; index < lines.length; index += 3) {
      const dropped = [...lines.slice(0, index), ...lines.slice(index + 1)].join("\n");
      const doubled = [...lines.slice(0, index + 1), ...lines.slice(index)].join("\n");
      const rewritten = [...lines.slice(0, index), `${lines[index]} changed`, ...lines.slice(index + 1)].join("\n");
      bothWays("a.md", english, dropped);
      bothWays("a.md", doubled, english);
      bothWays("a.md", rewritten, dropped);
    }
  });
});
