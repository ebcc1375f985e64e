import type { ProblemAt } from "../model/document.js";

export interface DecodedText {
  /** The text with a UTF-8 byte order mark removed; undefined when the bytes are not usable text. */
  text: string | undefined;
  problems: ProblemAt[];
  hadBom: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Turns file bytes into text, refusing what a Markdown parser would misread: binary data, UTF-16
 * and invalid UTF-8. Each refusal is a `parse-error` problem, never an exception.
 */
export function decodeDocument(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return refuse("the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return refuse(`the file is binary, not text (a NUL byte at offset ${nul})`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return refuse("the file is not valid UTF-8", line, column);
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { text: hadBom ? text.slice(1) : text, problems: [], hadBom };
}

function refuse(message: string, line?: number, column?: number): DecodedText {
  const problem: ProblemAt = { ruleId: "parse-error", message };
  if (line !== undefined) problem.line = line;
  if (column !== undefined) problem.column = column;
  return { text: undefined, problems: [problem], hadBom: false };
}

/** Line and column (in characters of the valid prefix) of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, found by bisection: a prefix may end inside a multi-byte sequence,
  // so decode it as a stream, which holds back an incomplete tail instead of failing on it.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, low), { stream: true });
  const lines = prefix.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
