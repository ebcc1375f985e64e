import { describe, expect, it } from "vitest";
import { readDate } from "../../src/parse/dates.js";
import { parseDocument, parseMarkdown } from "../../src/parse/document.js";
import { docsSyntaxNeeded, remarkDocsSyntax } from "../../src/parse/remark-docs-syntax.js";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { readFrontMatter } from "../../src/parse/front-matter.js";

const encode = (text: string) => new TextEncoder().encode(text);

describe("parseDocument", () => {
  it("keeps file line numbers past the front matter", () => {
    const document = parseDocument("a.md", encode("---\ntitle: A\nms.date: 10/07/2020\n---\n\n# Title\n\n## <a name=\"x\"></a>Section {#y}\nText.\n"));
    expect(document.frontMatterLines).toBe(4);
    expect(document.frontMatterKeyLines).toEqual({ title: 2, "ms.date": 3 });
    expect(document.sections.map((section) => [section.line, section.level, section.title, section.ids])).toEqual([
      [6, 1, "Title", ["title"]],
      [8, 2, "Section", ["x", "y", "section"]],
    ]);
    expect(document.sections[1]?.endLine).toBe(9);
  });

  it("nests sections by level and dedupes slugs as GitHub does", () => {
    const document = parseDocument("a.md", encode("# A\n## B\n### C\n## B\n"));
    expect(document.sections.map((section) => [section.anchor, section.parent])).toEqual([
      ["a", -1],
      ["b", 0],
      ["c", 1],
      ["b-1", 0],
    ]);
  });

  it("strips a byte order mark and records it as an encoding problem", () => {
    const document = parseDocument("a.md", new Uint8Array([0xef, 0xbb, 0xbf, ...encode("# A\n")]));
    expect(document.text).toBe("# A\n");
    expect(document.sections[0]?.column).toBe(1);
    expect(document.problems).toEqual([{ ruleId: "encoding", message: "The file starts with a UTF-8 byte order mark; expected none.", line: 1, column: 1, data: { bom: true } }]);
  });

  it("records unreadable input as problems, never throws", () => {
    expect(parseDocument("a.md", new Uint8Array([0x23, 0x20, 0xc3, 0x28])).problems).toEqual([
      { ruleId: "parse-error", message: "the file is not valid UTF-8", line: 1, column: 3 },
    ]);
    expect(parseDocument("a.md", new Uint8Array([0xff, 0xfe, 0x23, 0x00])).problems[0]?.message).toMatch(/UTF-16/);
    expect(parseDocument("a.md", new Uint8Array([0x23, 0x00, 0x01])).problems[0]?.message).toMatch(/binary/);
    const large = parseDocument("a.md", encode("x".repeat(2048)), { maxFileBytes: 1024 });
    expect(large.usable).toBe(false);
    expect(large.problems[0]?.message).toBe("the file is 2 KiB, over the 1 KiB limit; it was skipped");
  });
});

describe("readFrontMatter", () => {
  it("never runs JavaScript front matter", () => {
    const globals = globalThis as { ranFrontMatter?: boolean };
    for (const language of ["js", "javascript", "JavaScript", "coffee"]) {
      const result = readFrontMatter(`---${language}\n{ title: (globalThis.ranFrontMatter = true) }\n---\n# A\n`);
      expect(result.problems).toEqual([
        { ruleId: "parse-error", message: `front matter in \`${language.toLowerCase()}\` is executable code and is never run; use YAML`, line: 1, column: 1 },
      ]);
    }
    expect(globals.ranFrontMatter).toBeUndefined();
  });

  it("reports invalid YAML and a front matter that is not a mapping", () => {
    expect(readFrontMatter("---\ntitle: [a\n---\n").problems[0]?.message).toMatch(/^invalid front matter: /);
    expect(readFrontMatter("---\n- a\n- b\n---\n").problems[0]?.message).toBe("front matter must be a mapping of keys to values, not a list");
  });

  it("refuses a YAML alias bomb without expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(", ")}]`);
    const result = readFrontMatter(`---\n${levels.join("\n")}\n---\n# A\n`);
    expect(result.data).toEqual({});
    expect(result.problems[0]?.message).toMatch(/more than 10000 values/);
  });

  it("keeps dates as written", () => {
    expect(readFrontMatter("---\nms.date: 2020-10-07\n---\n").data).toEqual({ "ms.date": "2020-10-07" });
  });
});

describe("readDate", () => {
  it("reads ms.date and ISO 8601", () => {
    expect(readDate("10/07/2020")).toEqual({ ok: true, day: "2020-10-07" });
    expect(readDate("1/2/2019")).toEqual({ ok: true, day: "2019-01-02" });
    expect(readDate("2020-10-07T12:00:00Z")).toEqual({ ok: true, day: "2020-10-07" });
  });

  it("refuses what is not a calendar day", () => {
    expect(readDate("13/45/2020")).toEqual({ ok: false, reason: "no such calendar day" });
    expect(readDate("yesterday")).toEqual({ ok: false, reason: "expected MM/DD/YYYY or YYYY-MM-DD" });
    expect(readDate({})).toEqual({ ok: false, reason: "not a date string" });
  });
});

describe("parseMarkdown", () => {
  const everyPart = unified().use(remarkParse).use(remarkDocsSyntax).freeze();
  const types = (text: string) => parseMarkdown(text, "a.md").children.map((node) => node.type);

  it("reads tables and strikethrough, also where no `|` marks the table", () => {
    expect(types("| a | b |\n| - | - |\n| 1 | 2 |\n")).toEqual(["table"]);
    expect(types("a\n:-\n")).toEqual(["table"]);
    expect(types("a\n-:\n")).toEqual(["table"]);
    expect(types("a\n---\n")).toEqual(["heading"]);
    expect(parseMarkdown("~~gone~~ here\n", "a.md")).toEqual(everyPart.parse("~~gone~~ here\n"));
    expect(JSON.stringify(parseMarkdown("~~gone~~\n", "a.md"))).toContain('"type":"delete"');
  });

  it("gives the tree every GFM part gives, whichever parts the text needs", () => {
    const texts = [
      "# Title\n\nText with no table, a - dash and a: colon.\n\n- item\n- item\n",
      "a\n:-\n",
      "Time: -5\n",
      "x -: y\n\n***\n",
      "~/components/Card.astro\n\nA ~~struck~~ word.\n",
      "| a |\n|---|\n| b |\n\n~one~ and `~code~`\n",
      "Text\n\n    indented\n\n> quote | pipe\n",
    ];
    for (const text of texts) expect(parseMarkdown(text, "a.md"), text).toEqual(everyPart.parse(text));
    expect(texts.map(docsSyntaxNeeded)).toEqual([
      { tables: false, strikethrough: false },
      { tables: true, strikethrough: false },
      { tables: false, strikethrough: false },
      { tables: true, strikethrough: false },
      { tables: false, strikethrough: true },
      { tables: true, strikethrough: true },
      { tables: true, strikethrough: false },
    ]);
  });
});
