import { createHash } from "node:crypto";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ParsedDocument, ProblemAt } from "../model/document.js";
import { decodeDocument } from "./decode.js";
import { readFrontMatter } from "./front-matter.js";
import { splitSections } from "./sections.js";

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

/** The mark is stripped before parsing, but some tools show it or choke on it: say so. */
const BOM_PROBLEM: ProblemAt = { ruleId: "encoding", message: "The file starts with a UTF-8 byte order mark; expected none.", line: 1, column: 1, data: { bom: true } };

export interface ParseLimits {
  /** Files larger than this are reported and skipped, never parsed. */
  maxFileBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxFileBytes: 4 * 1024 * 1024 };

/** Parses Markdown text (front matter included) into a tree whose positions are file positions. */
export function parseMarkdown(body: string): Root {
  return markdown.parse(body);
}

/**
 * Turns a file's bytes into a ParsedDocument. Never throws for bad input: every problem is recorded
 * on the document, and `usable` says whether sections could be read at all.
 */
export function parseDocument(file: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument {
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length > limits.maxFileBytes) return oversizeDocument(file, bytes.length, limits, contentHash);
  const base = unusableDocument(file, [], contentHash);
  const decoded = decodeDocument(bytes);
  if (decoded.text === undefined) return withProblems(base, decoded.problems);

  const text = decoded.text;
  const frontMatter = readFrontMatter(text);
  const tree = parseMarkdown(frontMatter.body);
  return {
    ...base,
    text,
    frontMatterLines: frontMatter.lineCount,
    frontMatter: frontMatter.data,
    frontMatterKeyLines: frontMatter.keyLines,
    sections: splitSections(tree),
    problems: [...decoded.problems, ...(decoded.hadBom ? [BOM_PROBLEM] : []), ...frontMatter.problems],
    usable: true,
  };
}

/** A document that could not be parsed: only its problems are known. */
export function unusableDocument(file: string, problems: ProblemAt[], contentHash = ""): ParsedDocument {
  return { file, frontMatterLines: 0, frontMatter: {}, frontMatterKeyLines: {}, sections: [], problems, usable: false, contentHash, text: "" };
}

/** A file over the size limit, known by its size alone: it is never parsed, nor read in full. */
export function oversizeDocument(file: string, size: number, limits: ParseLimits, contentHash = ""): ParsedDocument {
  return unusableDocument(
    file,
    [
      {
        ruleId: "parse-error",
        message: `the file is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit; it was skipped`,
        data: { bytes: size, maxFileBytes: limits.maxFileBytes },
      },
    ],
    contentHash,
  );
}

function withProblems(document: ParsedDocument, problems: ProblemAt[]): ParsedDocument {
  return { ...document, problems: [...document.problems, ...problems] };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
