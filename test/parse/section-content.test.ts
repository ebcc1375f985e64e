import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { sectionContent } from "../../src/parse/section-content.js";

function fingerprintOf(markdown: string, section = 0) {
  const document = parseDocument("a.md", new TextEncoder().encode(markdown));
  return sectionContent(document.sections[section]!);
}

describe("sectionContent", () => {
  it("normalises code whitespace and sets comment lines apart", () => {
    const { code } = fingerprintOf("# A\n\n```powershell\n  # Sign in\n\nConnect-AzAccount   -Tenant  x\n```\n\n    indented code\n");
    expect(code).toEqual([
      { line: 3, column: 1, lines: ["# Sign in", "Connect-AzAccount -Tenant x"], codeLines: ["Connect-AzAccount -Tenant x"], language: "powershell" },
      { line: 9, column: 1, lines: ["indented code"], codeLines: ["indented code"], language: "" },
    ]);
  });

  it("tells links, definitions and includes apart, and finds docfx and HTML images where they stand", () => {
    const fingerprint = fingerprintOf(
      '# A\n\n[!INCLUDE [x](../includes/x.md)] See [b](b.md#c).\n\n[d]: https://example.com/d\n\nText :::image type="content" source="./media/e.png" alt-text="E"::: and <img src="f.png">\n',
    );
    expect(fingerprint.includes).toEqual([{ line: 3, column: 11, path: "../includes/x.md" }]);
    // A definition no reference uses is no link of the section: definitions count where they are used.
    expect(fingerprint.links.map((link) => [link.url, link.line, link.column])).toEqual([["b.md#c", 3, 38]]);
    expect(fingerprint.images.map((image) => [image.url, image.syntax, image.line, image.column])).toEqual([
      ["./media/e.png", "docfx", 7, 6],
      ["f.png", "html", 7, 73],
    ]);
  });

  it("records the shape of tables, lists and callouts", () => {
    const fingerprint = fingerprintOf("# A\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n\n* x\n  * y\n    * z\n* w\n\n> [!tip]\n> Hint.\n\n> A quote.\n");
    expect(fingerprint.tables).toEqual([{ line: 3, column: 1, rows: 2, columns: 3 }]);
    expect(fingerprint.lists).toEqual([{ line: 7, column: 1, items: 2, depth: 3 }]);
    expect(fingerprint.callouts).toEqual([{ line: 12, column: 1, kind: "TIP" }]);
  });

  it("keeps prose only: no code, inline code, URLs or docfx markers", () => {
    const { prose } = fingerprintOf("# A\n\n> [!NOTE]\n> Run `az login` from [the shell](https://shell.azure.com).\n\n```sh\necho hidden\n```\n");
    expect(prose).toBe("Run from the shell .");
  });

  it("is computed once per section", () => {
    const document = parseDocument("a.md", new TextEncoder().encode("# A\n\ntext\n"));
    expect(sectionContent(document.sections[0]!)).toBe(sectionContent(document.sections[0]!));
  });
});

describe("MDX pages", () => {
  it("read indented lines as nested components and prose, not as indented code", async () => {
    const { parseDocument } = await import("../../src/parse/document.js");
    const { sectionContent } = await import("../../src/parse/section-content.js");
    const text = "# Usage\n\n<Tabs>\n  <TabItem>\n\n    <Aside>Some content in an aside.</Aside>\n\n  </TabItem>\n</Tabs>\n\n```mdx\n<Aside>x</Aside>\n```\n";
    const codeOf = (file: string) => parseDocument(file, Buffer.from(text)).sections.flatMap((section) => sectionContent(section).code.map((block) => block.language));
    expect(codeOf("guide.mdx")).toEqual(["mdx"]);
    expect(codeOf("guide.md")).toEqual(["", "mdx"]);
  });
});
