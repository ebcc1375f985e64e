import { createHash } from "node:crypto";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ParsedDocument, ProblemAt } from "../model/document.js";
import { decodeDocument } from "./decode.js";
import { readFrontMatter } from "./front-matter.js";
import { DEFAULT_NESTING_LIMITS, findExcessiveNesting, type NestingLimits } from "./nesting.js";
import { remarkDocsSyntax } from "./remark-docs-syntax.js";
import { splitSections } from "./sections.js";

const markdown = unified().use(remarkParse).use(remarkDocsSyntax).freeze();

/** The mark is stripped before parsing, but some tools show it or choke on it: say so. */
const BOM_PROBLEM: ProblemAt = { ruleId: "encoding", message: "The file starts with a UTF-8 byte order mark; expected none.", line: 1, column: 1, data: { bom: true } };

export interface ParseLimits extends Partial<NestingLimits> {
  /** Files larger than this are reported and skipped, never parsed. */
  maxFileBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxFileBytes: 4 * 1024 * 1024, ...DEFAULT_NESTING_LIMITS };

/** Parses Markdown text (front matter included) into a tree whose positions are file positions. */
export function parseMarkdown(body: string): Root {
  return markdown.parse(body);
}

/**
 * Turns a file's bytes into a ParsedDocument. Never throws for bad input: every problem is recorded
 * on the document, and `usable` says whether sections could be read at all.
 */
export function parseDocument(file: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument {
  if (bytes.length > limits.maxFileBytes) return unusableDocument(file, [tooLargeProblem(bytes.length, limits.maxFileBytes)], bytes);
  const base = unusableDocument(file, [], bytes);
  const decoded = decodeDocument(bytes);
  if (decoded.text === undefined) return withProblems(base, decoded.problems);

  const text = decoded.text;
  const frontMatter = readFrontMatter(text);
  const read: ParsedDocument = {
    ...base,
    text,
    frontMatterLines: frontMatter.lineCount,
    frontMatter: frontMatter.data,
    frontMatterKeyLines: frontMatter.keyLines,
    problems: [...decoded.problems, ...(decoded.hadBom ? [BOM_PROBLEM] : []), ...frontMatter.problems],
  };
  const nesting = findExcessiveNesting(frontMatter.body, { ...DEFAULT_NESTING_LIMITS, ...definedLimits(limits) });
  if (nesting) return withProblems(read, [{ ruleId: "parse-error", message: nesting.message, line: nesting.line, column: 1 }]);
  try {
    return { ...read, sections: splitSections(parseMarkdown(frontMatter.body)), usable: true };
  } catch (error) {
    // The pre-scan errs high, but a shape it does not know could still recurse too deep.
    if (!(error instanceof RangeError)) throw error;
    return withProblems(read, [{ ruleId: "parse-error", message: "the Markdown is nested too deeply to parse; the file was not parsed" }]);
  }
}

/**
 * A document with no sections, for a file that could not be read or parsed. Without `bytes` (the
 * file was not read) the content hash is empty, so that no cache takes it for an empty file.
 */
export function unusableDocument(file: string, problems: ProblemAt[], bytes?: Uint8Array): ParsedDocument {
  return {
    file,
    frontMatterLines: 0,
    frontMatter: {},
    frontMatterKeyLines: {},
    sections: [],
    problems,
    usable: false,
    contentHash: bytes === undefined ? "" : createHash("sha256").update(bytes).digest("hex"),
    text: "",
  };
}

export function tooLargeProblem(bytes: number, maxFileBytes: number): ProblemAt {
  return {
    ruleId: "parse-error",
    message: `the file is ${formatBytes(bytes)}, over the ${formatBytes(maxFileBytes)} limit; it was skipped`,
    data: { bytes, maxFileBytes },
  };
}

function definedLimits(limits: Partial<NestingLimits>): Partial<NestingLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

function withProblems(document: ParsedDocument, problems: ProblemAt[]): ParsedDocument {
  return { ...document, problems: [...document.problems, ...problems] };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
