import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cannotRead, checkAndExpectTheRestChecked, findingsOf, GOOD_TRANSLATION, HOSTILE_FILE, SOURCE, treeWithTranslation, type FindingFacts } from "./trees.js";

const encode = (text: string) => new TextEncoder().encode(text);

async function findingsFor(translation: string | Uint8Array, ruleId?: string): Promise<FindingFacts[]> {
  const report = await checkAndExpectTheRestChecked(await treeWithTranslation(translation));
  return findingsOf(report, HOSTILE_FILE).filter((finding) => ruleId === undefined || finding.ruleId === ruleId);
}

/** Nine levels of ten aliases each: a billion values once expanded. */
function billionLaughs(): string {
  const lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
  }
  return `---\n${lines.join("\n")}\n---\n\n# Guide\n`;
}

describe("front matter", () => {
  it("invalid YAML is a parse error at the line js-yaml stopped, and the block is not read as Markdown", async () => {
    expect(await findingsFor("---\ntitle: [Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Einrichten\n")).toEqual([
      cannotRead(3, "invalid front matter: missed comma between flow collection entries"),
    ]);
    expect(await findingsFor("---\ntitle: !!js/function 'function () {}'\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Einrichten\n")).toEqual([
      cannotRead(2, "invalid front matter: unknown tag !<tag:yaml.org,2002:js/function>"),
    ]);
  });

  it("front matter that is a list or a string, not a mapping", async () => {
    expect(await findingsFor("---\n- title\n- Guide\n---\n\n# Guide\n", "parse-error")).toEqual([cannotRead(2, "front matter must be a mapping of keys to values, not a list")]);
    expect(await findingsFor("---\nGuide\n---\n\n# Guide\n", "parse-error")).toEqual([cannotRead(2, "front matter must be a mapping of keys to values, not string")]);
  });

  it.each([
    ["js", (marker: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran")`],
    ["javascript", (marker: string) => `({ title: require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran") })`],
    ["coffee", (marker: string) => `require('fs').writeFileSync '${marker}', 'ran'`],
  ])("`---%s` front matter is never run, and its code is not read as Markdown", async (language, code) => {
    const marker = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-marker-")), "created-by-front-matter");
    const report = await checkAndExpectTheRestChecked(await treeWithTranslation(`---${language}\n${code(marker)}\n---\n\n# Guide\n\n## <a name="setup"></a>Einrichten\n`));
    expect(existsSync(marker)).toBe(false);
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(1, `front matter in \`${language}\` is executable code and is never run; use YAML`)]);
    expect(report.articles[0]?.translations.find((translation) => translation.locale === "de")?.rows.map((row) => row.translation?.line)).toEqual([5, 7]);
  });

  it("a YAML alias bomb is refused without expanding it", async () => {
    expect(await findingsFor(billionLaughs(), "parse-error")).toEqual([cannotRead(2, "front matter expands to more than 10000 values (YAML aliases); it is ignored")]);
  });
});

describe("bytes that are not UTF-8 text", () => {
  it("a binary file named .md", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await findingsFor(png)).toEqual([cannotRead(undefined, "the file is binary, not text (a NUL byte at offset 8)")]);
  });

  it("invalid UTF-8, at the line and column of the first bad byte", async () => {
    const bytes = new Uint8Array([...encode("# Guide\n\nInstall "), 0xff, ...encode(" the tool.\n")]);
    expect(await findingsFor(bytes)).toEqual([cannotRead(3, "the file is not valid UTF-8")]);
    expect((await checkAndExpectTheRestChecked(await treeWithTranslation(bytes))).findings.find((finding) => finding.file === HOSTILE_FILE)?.column).toBe(9);
  });

  it.each([
    ["little-endian", "utf16le"],
    ["big-endian", "utf16be"],
  ])("UTF-16 %s with a byte order mark", async (_name, encoding) => {
    const little = Buffer.from(`\ufeff${SOURCE}`, "utf16le");
    const bytes = encoding === "utf16le" ? little : Buffer.from(little).swap16();
    expect(await findingsFor(bytes)).toEqual([cannotRead(undefined, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")]);
  });
});

describe("line endings", () => {
  /** Lines of the German translation's headings, as the report's outline gives them. */
  async function headingLines(translation: string): Promise<{ findings: FindingFacts[]; lines: Array<number | undefined> }> {
    const report = await checkAndExpectTheRestChecked(await treeWithTranslation(translation));
    const rows = report.articles[0]?.translations.find((outline) => outline.locale === "de")?.rows ?? [];
    return { findings: findingsOf(report, HOSTILE_FILE), lines: rows.map((row) => row.translation?.line) };
  }

  it("CRLF parses like LF, with the same line numbers", async () => {
    const older = GOOD_TRANSLATION.replace("10/07/2020", "01/02/2019");
    const lf = await headingLines(older);
    expect(await headingLines(older.replaceAll("\n", "\r\n"))).toEqual(lf);
    expect(lf).toEqual({
      findings: [{ ruleId: "stale-date", file: HOSTILE_FILE, line: 3, message: "`ms.date` is 2019-01-02, older than the source's 2020-10-07: the source changed after this translation." }],
      lines: [6, 8],
    });
  });

  it("mixed LF, CRLF and CR endings count lines as the file shows them", async () => {
    const mixed = "---\r\ntitle: Guide\nms.date: 10/07/2020\r\n---\n\r\n# Guide\r\rText.\n## <a name=\"setup\"></a>Installera\n";
    // The encoding rule names the mix; it does not stop the parse.
    expect(await headingLines(mixed)).toEqual({
      findings: [{ ruleId: "encoding", file: "locales/de/guide.md", line: 1, message: "This line ends in CRLF, 3 of 7 lines; expected LF like the rest of the file." }],
      lines: [6, 9],
    });
  });
});

describe("size and depth", () => {
  it("a 20 MB single-line file is reported and skipped", async () => {
    expect(await findingsFor("x".repeat(20 * 1024 * 1024))).toEqual([
      { ...cannotRead(undefined, "the file is 20.0 MiB, over the 4.0 MiB limit; it was skipped") },
    ]);
  });

  it.each([
    ["10,000 nested block quotes", "> ".repeat(10_000) + "Text.\n", 1, "block quotes or lists are nested 10000 deep, over the limit of 32; the file was not parsed"],
    ["10,000 nested list items", "- ".repeat(10_000) + "Text.\n", 1, "block quotes or lists are nested 10000 deep, over the limit of 32; the file was not parsed"],
    ["list items indented 200 levels deep", Array.from({ length: 200 }, (_, level) => `${"  ".repeat(level)}- item`).join("\n"), 33, "block quotes or lists are nested 33 deep, over the limit of 32; the file was not parsed"],
    ["10,000 nested emphasis spans in a heading", `# ${"*a ".repeat(10_000)}b${" a*".repeat(10_000)}\n`, 1, "emphasis or links are nested more than 32 deep; the file was not parsed"],
    ["10,000 nested links", `${"[".repeat(10_000)}a${"](u)".repeat(10_000)}\n`, 1, "emphasis or links are nested more than 32 deep; the file was not parsed"],
    ["4,000 lines of block quotes 30 deep", `${"> ".repeat(30)}Text.\n`.repeat(4000), 3334, "the nesting of its lines and inline markers adds up to more than 100000 levels; the file was not parsed"],
    ["10,000 emphasis spans side by side", `# Guide\n\n${"*a* ".repeat(10_000)}\n`, 3, "a paragraph has more than 5000 emphasis and link markers; the file was not parsed"],
  ])("%s: refused before parsing", async (_name, body, line, message) => {
    expect(await findingsFor(`---\ntitle: Guide\n---\n\n${body}`)).toEqual([cannotRead(line + 4, message)]);
  });
});

describe("sections", () => {
  it("two sections with one anchor", async () => {
    expect(await findingsFor("# Guide\n\n## <a name=\"setup\"></a>Einrichten\n\n## <a name=\"setup\"></a>Konfigurieren\n", "duplicate-anchor")).toEqual([
      {
        ruleId: "duplicate-anchor",
        file: HOSTILE_FILE,
        line: 5,
        message: "Anchor `#setup` of `Konfigurieren` is already the anchor of `Einrichten`, so links reach only that one; give each section its own anchor.",
      },
    ]);
  });

  it("an empty file, and one with front matter only", async () => {
    expect(await findingsFor("", "empty-document")).toEqual([{ ruleId: "empty-document", file: HOSTILE_FILE, line: 1, message: "The file is empty; write the article, or delete the file." }]);
    expect(await findingsFor("---\ntitle: Guide\n---\n", "empty-document")).toEqual([
      { ruleId: "empty-document", file: HOSTILE_FILE, line: 1, message: "The file has front matter but no content; write the article, or delete the file." },
    ]);
  });
});
