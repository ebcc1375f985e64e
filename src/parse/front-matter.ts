import matter from "gray-matter";
import { isDeepStrictEqual } from "node:util";
import { compareText } from "../util/compare-text.js";
import yaml from "js-yaml";
import type { ProblemAt } from "../model/document.js";

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Lines taken by the block, both delimiters included; 0 without front matter. */
  lineCount: number;
  /** 1-based file line of each top-level key. */
  keyLines: Record<string, number>;
  /** The body after the block, with the block's lines kept as empty lines (see below). */
  body: string;
  problems: ProblemAt[];
}

/** Front matter languages that are data. Anything else (`---js`, `---coffee`) is code: never run. */
const DATA_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

/** An expanded front matter larger than this many values is an alias bomb, not metadata. */
const MAX_FRONT_MATTER_VALUES = 10_000;

function refuseCode(): never {
  throw new ExecutableFrontMatter();
}

class ExecutableFrontMatter extends Error {}

/**
 * gray-matter's own engines include one that `eval`s JavaScript; every code engine is replaced with
 * one that refuses, and YAML goes to js-yaml 4 with the core schema (no timestamps or custom types:
 * `ms.date` stays the string the author wrote, and we parse it ourselves).
 */
const ENGINES = {
  yaml: { parse: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
  javascript: { parse: refuseCode },
  coffee: { parse: refuseCode },
};

/**
 * Reads the front matter block. Passing an options object also keeps gray-matter from caching
 * every parsed string in `matter.cache`, which would grow without bound over a full run.
 */
export function readFrontMatter(text: string): FrontMatter {
  const empty: FrontMatter = { data: {}, lineCount: 0, keyLines: {}, body: text, problems: [] };
  if (!text.startsWith("---")) return empty;

  const firstLineEnd = text.indexOf("\n");
  const language = (firstLineEnd === -1 ? text.slice(3) : text.slice(3, firstLineEnd)).trim().toLowerCase();
  if (language.startsWith("-")) return empty; // a thematic break such as `----`, not front matter
  if (!DATA_LANGUAGES.has(language)) {
    return withProblem(blankOut(text, unreadBlockLines(text)), 1, `front matter in \`${language}\` is executable code and is never run; use YAML`);
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { language: "yaml", engines: ENGINES });
  } catch (error) {
    const unread = blankOut(text, unreadBlockLines(text));
    if (error instanceof ExecutableFrontMatter) {
      return withProblem(unread, 1, "front matter is executable code and is never run; use YAML");
    }
    const { message, line } = describeYamlError(error);
    // The YAML parser may place an error at the end of input, past the file's last line.
    return withProblem(unread, Math.min(line ?? 1, text.split("\n").length), `invalid front matter: ${message}`);
  }

  const consumed = text.length - parsed.content.length;
  const lineCount = countNewlines(text, consumed);
  // The block is replaced by as many empty lines, so that Markdown positions are file positions.
  const body = "\n".repeat(lineCount) + parsed.content;
  const data = parsed.data as unknown;
  const result: FrontMatter = { data: {}, lineCount, keyLines: keyLinesOf(parsed.matter ?? ""), body, problems: [] };

  if (data === null || data === undefined) return result;
  if (typeof data !== "object" || Array.isArray(data)) {
    return withProblem(result, 2, `front matter must be a mapping of keys to values, not ${Array.isArray(data) ? "a list" : typeof data}`);
  }
  if (!isSmallerThan(data, MAX_FRONT_MATTER_VALUES)) {
    return withProblem(result, 2, `front matter expands to more than ${MAX_FRONT_MATTER_VALUES} values (YAML aliases); it is ignored`);
  }
  result.data = data as Record<string, unknown>;
  return result;
}

/**
 * Lines of a front matter block that is not read (code, or invalid YAML): up to its closing
 * `---`, or only the opening line when it is never closed. They are blanked so that the block is
 * not read as Markdown, where its delimiters would make headings and rules of it.
 */
function unreadBlockLines(text: string): number {
  const lines = text.split("\n");
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  return closing === -1 ? 1 : closing + 1;
}

function blankOut(text: string, lineCount: number): FrontMatter {
  let end = 0;
  for (let line = 0; line < lineCount; line++) {
    const newline = text.indexOf("\n", end);
    if (newline === -1) return { data: {}, lineCount, keyLines: {}, body: "\n".repeat(lineCount), problems: [] };
    end = newline + 1;
  }
  return { data: {}, lineCount, keyLines: {}, body: "\n".repeat(lineCount) + text.slice(end), problems: [] };
}

function withProblem(frontMatter: FrontMatter, line: number, message: string): FrontMatter {
  return { ...frontMatter, problems: [...frontMatter.problems, { ruleId: "parse-error", message, line, column: 1 }] };
}

function describeYamlError(error: unknown): { message: string; line?: number } {
  if (error instanceof yaml.YAMLException) {
    // js-yaml's `reason` is the one-line cause. Its `mark.line` is 0-based within gray-matter's
    // block, which starts with the newline after `---`, so it is also the 1-based file line - 1.
    const reason = error.reason || error.message.split("\n")[0] || "unreadable YAML";
    return error.mark ? { message: reason, line: error.mark.line + 1 } : { message: reason };
  }
  return { message: error instanceof Error ? error.message.split("\n")[0] ?? "unreadable" : String(error) };
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

/** Top-level keys start in column 1; the block's first line is file line 2. */
function keyLinesOf(block: string): Record<string, number> {
  // Null prototype: a key may be called `constructor` or `__proto__`.
  const lines = Object.create(null) as Record<string, number>;
  block.split("\n").forEach((line, index) => {
    const match = /^(['"]?)([^\s:'"#][^:'"]*)\1\s*:/.exec(line);
    const key = match?.[2]?.trim();
    if (key !== undefined && !Object.hasOwn(lines, key)) lines[key] = index + 1;
  });
  return lines;
}

/**
 * Counts values as a full expansion would, stopping at the limit. js-yaml shares aliased nodes
 * instead of copying them, so the object itself is small, but anything that walks it (JSON, a
 * cache, a comparison) would expand it exponentially.
 */
function isSmallerThan(root: object, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return false;
    if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) stack.push(child);
    }
  }
  return true;
}

/**
 * A front matter value by key. Microsoft Docs keys contain dots (`ms.date`) and are looked up as
 * written first; otherwise dots walk nested mappings (`l10n.sourceCommit`, as MDN writes it).
 */
export function frontMatterValue(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.hasOwn(data, key)) return data[key];
  let value: unknown = data;
  for (const part of key.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * A key whose value is a map stands for each of its leaves (`cascade.vers` for
 * `cascade.vers.otel`, `cascade.vers.contrib`), so a difference names the one value that differs.
 */
export function frontMatterLeafKeys(data: Readonly<Record<string, unknown>>, key: string, depth = 0): string[] {
  const value = frontMatterValue(data, key);
  if (value === null || typeof value !== "object" || Array.isArray(value) || depth >= 4) return [key];
  return Object.keys(value)
    .sort(compareText)
    .flatMap((child) => frontMatterLeafKeys(data, `${key}.${child}`, depth + 1));
}

/** Two front matter values as their author means them: text trimmed, lists in any order. */
export function sameFrontMatterValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(comparable(a), comparable(b));
}

function comparable(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(comparable).map(String).sort();
  return value;
}

/**
 * The values a translation must copy from its source under `keys` (each map standing for its
 * leaves) and does not: the translation's value (undefined where it lacks the key) and the
 * source's. `metadata-drift` reports them; the work list shows them.
 */
export function valuesToCopy(source: Readonly<Record<string, unknown>>, translation: Readonly<Record<string, unknown>>, keys: readonly string[]): Array<{ key: string; value: unknown; expected: unknown }> {
  const values: Array<{ key: string; value: unknown; expected: unknown }> = [];
  for (const key of keys.flatMap((key) => frontMatterLeafKeys(source, key))) {
    const expected = frontMatterValue(source, key);
    if (expected === undefined) continue;
    const value = frontMatterValue(translation, key);
    if (value === undefined || !sameFrontMatterValue(expected, value)) values.push({ key, value, expected });
  }
  return values;
}

/** The file line of a key: its own line, or the line of the top-level key it is nested in. */
export function frontMatterKeyLine(keyLines: Readonly<Record<string, number>>, key: string): number | undefined {
  return keyLines[key] ?? keyLines[key.split(".")[0] ?? key];
}
