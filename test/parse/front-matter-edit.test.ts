import { describe, expect, it } from "vitest";
import { EditRefused, removeFrontMatterKey, setFrontMatterValue } from "../../src/parse/front-matter-edit.js";

const HASH = "0123456789abcdef0123456789abcdef01234567";

/** The edited text must equal the original with exactly `line` (1-based) replaced, inserted or removed. */
function onlyLine(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe("setFrontMatterValue", () => {
  it("updates a value in place, keeping CRLF, spacing, quoting and the comment", () => {
    const before = "---\r\ntitle: 'It''s here'   # keep me\r\ndefault_lang_commit:   \"abc1234\"  # pinned by hand\r\nweight: 2\r\n---\r\n\r\n# Body\r\n";
    const edit = setFrontMatterValue(before, "default_lang_commit", HASH);
    expect(edit).toMatchObject({ change: "updated", line: 3, previous: "abc1234" });
    expect(edit.text).toBe(before.replace('"abc1234"', `"${HASH}"`));
    expect(onlyLine(before, edit.text)).toEqual({ removed: ['default_lang_commit:   "abc1234"  # pinned by hand\r'], added: [`default_lang_commit:   "${HASH}"  # pinned by hand\r`] });
  });

  it("adds a missing key as the block's last line, in the file's quoting and line endings", () => {
    const before = "---\r\ntitle: \"Über\"\r\ndescription: \"Text\"\r\n---\r\nBody\r\n";
    const edit = setFrontMatterValue(before, "default_lang_commit", HASH);
    expect(edit).toMatchObject({ change: "added", line: 4 });
    expect(edit.text).toBe(`---\r\ntitle: "Über"\r\ndescription: "Text"\r\ndefault_lang_commit: "${HASH}"\r\n---\r\nBody\r\n`);
  });

  it("adds after a named key when it is there (the drifted flag after the pin)", () => {
    const before = "---\ntitle: A\ndefault_lang_commit: abc\nweight: 1\n---\n";
    expect(setFrontMatterValue(before, "drifted_from_default", true, { after: "default_lang_commit" }).text).toBe("---\ntitle: A\ndefault_lang_commit: abc\ndrifted_from_default: true\nweight: 1\n---\n");
  });

  it("gives a file without front matter a block, with its line endings, and keeps every byte after it", () => {
    expect(setFrontMatterValue("# Title\r\n\r\nText\r\n", "ms.sourcegitcommit", HASH).text).toBe(`---\r\nms.sourcegitcommit: ${HASH}\r\n---\r\n# Title\r\n\r\nText\r\n`);
    expect(setFrontMatterValue("Text", "l10n.sourceCommit", HASH).text).toBe(`---\nl10n:\n  sourceCommit: ${HASH}\n---\nText`);
  });

  it("writes a nested key inside its mapping, at the mapping's indentation", () => {
    const before = "---\ntitle: X\nl10n:\n    sourceCommit: abc # old\n    other: 1\nslug: x\n---\n";
    expect(setFrontMatterValue(before, "l10n.sourceCommit", HASH).text).toBe(`---\ntitle: X\nl10n:\n    sourceCommit: ${HASH} # old\n    other: 1\nslug: x\n---\n`);
    const without = "---\ntitle: X\nl10n:\n    other: 1\n\n# a comment\nslug: x\n---\n";
    expect(setFrontMatterValue(without, "l10n.sourceCommit", HASH).text).toBe(`---\ntitle: X\nl10n:\n    other: 1\n    sourceCommit: ${HASH}\n\n# a comment\nslug: x\n---\n`);
    const noParent = "---\ntitle: X\nlist:\n  - a\n---\n";
    expect(setFrontMatterValue(noParent, "l10n.sourceCommit", HASH).text).toBe(`---\ntitle: X\nlist:\n  - a\nl10n:\n  sourceCommit: ${HASH}\n---\n`);
  });

  it("keeps a dotted top-level key (Microsoft's ms.sourcegitcommit) a top-level key", () => {
    const before = "---\nms.date: 01/02/2024\nms.sourcegitcommit: abc\n---\n";
    expect(setFrontMatterValue(before, "ms.sourcegitcommit", HASH).text).toBe(`---\nms.date: 01/02/2024\nms.sourcegitcommit: ${HASH}\n---\n`);
  });

  it("quotes a hash that YAML would read as a number, and leaves an equal value unchanged", () => {
    expect(setFrontMatterValue("---\na: b\n---\n", "pin", "1234567").text).toBe('---\na: b\npin: "1234567"\n---\n');
    expect(setFrontMatterValue("---\npin: abc\n---\n", "pin", "abc")).toMatchObject({ change: "unchanged", text: "---\npin: abc\n---\n" });
  });

  it("refuses unreadable front matter, a block value and a flow mapping, with the line", () => {
    const refusal = (text: string, key = "pin") => {
      try {
        setFrontMatterValue(text, key, HASH);
      } catch (error) {
        expect(error).toBeInstanceOf(EditRefused);
        return `${(error as EditRefused).line}: ${(error as Error).message}`;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal("---\ntitle: [unclosed\npin: x\n---\n")).toMatch(/^3: /);
    expect(refusal("---\npin: |\n  abc\n---\n")).toBe("2: the value on this line is not a single-line scalar (`|`)");
    expect(refusal("---\nl10n: { sourceCommit: abc }\n---\n", "l10n.sourceCommit")).toBe("2: `l10n` is not a mapping written one key a line");
    expect(refusal("---\npin: abc\n")).toBe("1: the front matter block is not closed with `---`");
  });
});

describe("removeFrontMatterKey", () => {
  it("removes the key's line only", () => {
    const before = "---\r\ntitle: A # c\r\ndrifted_from_default: true\r\nweight: 1\r\n---\r\nBody";
    expect(removeFrontMatterKey(before, "drifted_from_default")).toMatchObject({ change: "removed", line: 3, text: "---\r\ntitle: A # c\r\nweight: 1\r\n---\r\nBody" });
    expect(removeFrontMatterKey("# No front matter\n", "drifted_from_default")).toMatchObject({ change: "unchanged", text: "# No front matter\n" });
  });
});
