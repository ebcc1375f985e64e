import type { Cause, FindingDraft } from "../model/finding.js";
import { fileCause } from "./support/cause.js";
import type { FileContext, Rule } from "../model/rule.js";

/**
 * Characters of Windows-1252 that stand for the bytes 0x80–0x9F; bytes 0xA0–0xFF map to the
 * same code points in Windows-1252 and Latin-1. No library encodes to Windows-1252 (the
 * TextEncoder only writes UTF-8), and this table is all that reversing mojibake needs.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * A UTF-8 lead byte (0xC2–0xF4) followed by continuation bytes (0x80–0xBF), each read as a
 * Windows-1252 character: `â€™` for `’`, `Ã¤` for `ä`.
 */
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][${escapeClass(WINDOWS_1252_HIGH)}\\u00a0-\\u00bf]{1,3}`, "g");
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Text damaged on its way: UTF-8 read as Windows-1252 (mojibake), U+FFFD replacement
 * characters, control characters, mixed line endings, and a byte order mark (recorded by the
 * decoder as a problem of the document).
 */
export const encoding: Rule = {
  id: "encoding",
  severity: "warning",
  description: "Damaged text: mojibake (UTF-8 read as Windows-1252), U+FFFD, control characters, mixed line endings or a byte order mark.",
  rationale:
    "Translation tools and editors that guess encodings damage text on the way: readers see `â€™` for `’`, or a `�` where a letter was. Such damage is never intended and is easy to fix while the original is known.",
  messages: {
    mojibake: "`{found}` is `{expected}` in UTF-8 read as Windows-1252; expected `{expected}`.",
    "replacement-character": "U+FFFD, the replacement character, stands where a character was lost; expected the original character.",
    "control-character": "The control character {codePoint} is not text; expected it removed.",
    "mixed-line-endings": "This line ends in {other}, {otherLines} of {lines} lines; expected {usual} like the rest of the file.",
    "byte-order-mark": "The file starts with a UTF-8 byte order mark; expected none.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: { source: "# Guide\n\nIt\u2019s here.\n", translation: "# Anleitung\n\nEs ist hierâ€™s.\n" },
    good: { source: "# Guide\n\nIt\u2019s here.\n", translation: "# Anleitung\n\nEs ist hier \u2019s.\n" },
  },
  checkFile({ document, isSource }: FileContext): FindingDraft[] {
    const cause = fileCause(isSource);
    const findings: FindingDraft[] = document.problems
      .filter((problem) => problem.ruleId === "encoding")
      .map((problem) => ({ messageId: "byte-order-mark", file: document.file, line: problem.line ?? 1, column: problem.column ?? 1, key: "byte-order-mark", cause, ...(problem.data && { data: problem.data }) }));
    const lines = document.text.split("\n");
    lines.forEach((text, index) => {
      const at = (column: number, messageId: string, key: string, data: Record<string, unknown>): FindingDraft => ({ messageId, file: document.file, line: index + 1, column: column + 1, key, cause, data });
      for (const match of text.matchAll(MOJIBAKE)) {
        const meant = undoMojibake(match[0]);
        if (meant !== undefined) findings.push(at(match.index, "mojibake", match[0], { found: match[0], expected: meant }));
      }
      for (let column = text.indexOf("\ufffd"); column !== -1; column = text.indexOf("\ufffd", column + 1)) {
        findings.push(at(column, "replacement-character", "U+FFFD", { codePoint: "U+FFFD" }));
      }
      for (const match of text.replace(/\r$/, "").matchAll(CONTROL)) {
        const codePoint = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
        findings.push(at(match.index, "control-character", codePoint, { codePoint }));
      }
    });
    const mixed = mixedLineEnding(lines);
    if (mixed !== undefined) findings.push(mixed(document.file, cause));
    return findings;
  },
};

/** The text `found` was before it was misread, when it was valid UTF-8. */
function undoMojibake(found: string): string | undefined {
  const bytes = [...found].map((character) => {
    const high = WINDOWS_1252_HIGH.indexOf(character);
    return high !== -1 ? 0x80 + high : character.charCodeAt(0);
  });
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/** The first line whose ending differs from the file's usual one, when the file mixes them. */
function mixedLineEnding(lines: readonly string[]): ((file: string, cause: Cause) => FindingDraft) | undefined {
  const ended = lines.slice(0, -1); // the last line has no line ending
  const crlf = ended.filter((line) => line.endsWith("\r")).length;
  if (crlf === 0 || crlf === ended.length) return undefined;
  const usual = crlf * 2 > ended.length ? "CRLF" : "LF";
  const index = ended.findIndex((line) => (usual === "CRLF") !== line.endsWith("\r"));
  const other = usual === "CRLF" ? "LF" : "CRLF";
  return (file, cause) => ({
    messageId: "mixed-line-endings",
    file,
    line: index + 1,
    column: ended[index]!.replace(/\r$/, "").length + 1,
    key: usual,
    cause,
    data: { usual, other, otherLines: ended.length - (usual === "CRLF" ? crlf : ended.length - crlf), lines: ended.length, crlfLines: crlf, lfLines: ended.length - crlf },
  });
}

function escapeClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, "\\$&");
}
