import { createHash } from "node:crypto";
import type { Root, RootContent } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ParsedDocument, ProblemAt } from "../model/document.js";
import { decodeDocument } from "./decode.js";
import { readFrontMatter } from "./front-matter.js";
import { DEFAULT_NESTING_LIMITS, findExcessiveNesting, type NestingLimits } from "./nesting.js";
import { docsSyntaxNeeded, remarkDocsSyntax, type DocsSyntaxOptions } from "./remark-docs-syntax.js";
import { reparseNear, type ParsedBody } from "./reparse.js";
import { splitSections } from "./sections.js";

/**
 * MDX reads no indented code: indentation there nests JSX (`<Tabs>` around an example), so a
 * four-space indented block is prose and components, as MDX renders it (remark-mdx turns the
 * construct off the same way). Without this, every indented example in a `.mdx` page was a code
 * block, and its translated text code drift.
 */
function noIndentedCode(this: ReturnType<typeof unified>): void {
  (this.data().micromarkExtensions ??= []).push({ disable: { null: ["codeIndented"] } });
}

type Parser = ReturnType<typeof makeParser>;

function makeParser(isMdx: boolean, syntax: DocsSyntaxOptions) {
  const parser = unified().use(remarkParse).use(remarkDocsSyntax, syntax);
  return (isMdx ? parser.use(noIndentedCode) : parser).freeze();
}

/** One parser per kind of file and set of syntax parts, made when first needed. */
const parsers = new Map<string, Parser>();
/** The mark is stripped before parsing, but some tools show it or choke on it: say so. */
const BOM_PROBLEM: ProblemAt = { ruleId: "encoding", message: "The file starts with a UTF-8 byte order mark; expected none.", line: 1, column: 1, data: { bom: true } };

export interface ParseLimits extends Partial<NestingLimits>, Partial<SizeLimits> {
  /** Files larger than this are reported and skipped, never parsed. */
  maxFileBytes: number;
}

/**
 * The syntax tree takes memory per node, far more than the bytes that made it: 500 KB of short
 * paragraphs took 2.4 GB and a 100,000-row table 2.8 GB. So the parser is given a document only
 * if an estimate made before parsing (lines, blocks as blank-line-separated runs, table cells as
 * `|` on lines that have one) is under these. The largest of 210 real Azure, Hugo and MDN documents
 * has 1,500 lines; one at these limits parses in under 300 MB.
 */
export interface SizeLimits {
  maxLines: number;
  maxBlocks: number;
  maxTableCells: number;
}

export const DEFAULT_SIZE_LIMITS: SizeLimits = { maxLines: 50_000, maxBlocks: 10_000, maxTableCells: 20_000 };

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxFileBytes: 4 * 1024 * 1024, ...DEFAULT_NESTING_LIMITS, ...DEFAULT_SIZE_LIMITS };

/**
 * A parsed document's heap, estimated from its text: 12.6 bytes of heap per byte of text, measured
 * over 200 of Astro's English MDX pages (1.9 MB of text took 24.5 MB once parsed), rounded up.
 */
export function parsedBytes(document: ParsedDocument): number {
  return 16 * document.text.length;
}

/** Parses Markdown text (front matter included) into a tree whose positions are file positions; MDX for `.mdx` files. */
export function parseMarkdown(body: string, file = ""): Root {
  // Only the GFM parts the text can need: the same tree, parsed faster (see docsSyntaxNeeded).
  const syntax = docsSyntaxNeeded(body);
  const key = `${isMdx(file)} ${syntax.tables} ${syntax.strikethrough}`;
  let parser = parsers.get(key);
  if (parser === undefined) parsers.set(key, (parser = makeParser(isMdx(file), syntax)));
  return parser.parse(body);
}

/**
 * Turns a file's bytes into a ParsedDocument. Never throws for bad input: every problem is recorded
 * on the document, and `usable` says whether sections could be read at all. `versions` are other
 * versions of the same file, parsed in this thread: the text is parsed only where it differs from
 * them (see reparseNear), into the same document.
 */
export function parseDocument(file: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS, versions: readonly ParsedDocument[] = []): ParsedDocument {
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
  const size = findExcessiveSize(frontMatter.body, { ...DEFAULT_SIZE_LIMITS, ...definedLimits(limits) });
  if (size) return withProblems(read, [{ ruleId: "parse-error", message: size.message, line: size.line, column: 1, data: { limit: size.limit } }]);
  const nesting = findExcessiveNesting(frontMatter.body, { ...DEFAULT_NESTING_LIMITS, ...definedLimits(limits) });
  if (nesting) return withProblems(read, [{ ruleId: "parse-error", message: nesting.message, line: nesting.line, column: 1 }]);
  try {
    const parse = (text: string): RootContent[] => parseMarkdown(text, file).children;
    const children = reparseNear(frontMatter.body, reusable(file, versions), parse) ?? parse(frontMatter.body);
    const document: ParsedDocument = { ...read, sections: splitSections({ type: "root", children }), usable: true };
    TOP_LEVEL_NODES.set(document, { children, ...(versions.length > 0 && { body: frontMatter.body }) });
    return document;
  } catch (error) {
    // The pre-scan errs high, but a shape it does not know could still recurse too deep.
    if (!(error instanceof RangeError)) throw error;
    return withProblems(read, [{ ruleId: "parse-error", message: "the Markdown is nested too deeply to parse; the file was not parsed" }]);
  }
}

/**
 * The top-level nodes each document's tree had, for parsing its other versions, and its body once
 * a parse has used it. The sections hold all but the headings, so keeping these costs little more;
 * they go when the document goes.
 */
const TOP_LEVEL_NODES = new WeakMap<ParsedDocument, { children: readonly RootContent[]; body?: string }>();

/** The versions parsed here and read by the same parser (a `.md` renamed `.mdx` reads otherwise), with their bodies. */
function reusable(file: string, versions: readonly ParsedDocument[]): ParsedBody[] {
  const bodies: ParsedBody[] = [];
  for (const version of versions) {
    const parsed = TOP_LEVEL_NODES.get(version);
    if (parsed === undefined || isMdx(version.file) !== isMdx(file)) continue;
    parsed.body ??= readFrontMatter(version.text).body;
    bodies.push(parsed as ParsedBody);
  }
  return bodies;
}

function isMdx(file: string): boolean {
  return file.toLowerCase().endsWith(".mdx");
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

/** The first line where the document passes a size limit, counted in one pass without parsing. */
export function findExcessiveSize(body: string, limits: SizeLimits): { line: number; limit: keyof SizeLimits; message: string } | undefined {
  let lines = 0;
  let blocks = 0;
  let cells = 0;
  let previousBlank = true;
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    lines++;
    const line = body.slice(start, end);
    const blank = line.trim() === "";
    if (!blank && previousBlank) blocks++;
    previousBlank = blank;
    if (line.includes("|")) cells += line.split("|").length - 1;
    if (lines > limits.maxLines) return { line: lines, limit: "maxLines", message: `the file has more than ${limits.maxLines} lines; it was not parsed` };
    if (blocks > limits.maxBlocks) return { line: lines, limit: "maxBlocks", message: `the file has more than ${limits.maxBlocks} paragraphs and other blocks; it was not parsed` };
    if (cells > limits.maxTableCells) return { line: lines, limit: "maxTableCells", message: `the file's tables have more than ${limits.maxTableCells} cells; it was not parsed` };
    start = end + 1;
  }
  return undefined;
}

function definedLimits<T extends object>(limits: T): Partial<T> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function withProblems(document: ParsedDocument, problems: ProblemAt[]): ParsedDocument {
  return { ...document, problems: [...document.problems, ...problems] };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
