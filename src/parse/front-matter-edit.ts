import yaml from "js-yaml";
import { isDeepStrictEqual } from "node:util";
import { readFrontMatter } from "./front-matter.js";

/**
 * Editing one front matter value in place: the one place the tool writes documents (`pin`,
 * `status --write-key`). Hand-written on the lines of the text rather than parsed and dumped
 * again, because a YAML library's output would rewrite every other line (quoting, comments, key
 * order, line endings); here every byte outside the key's own line stays as it was, and the
 * result is read back and compared with the intended data before anyone writes it.
 */
export interface FrontMatterEdit {
  text: string;
  change: "added" | "updated" | "removed" | "unchanged";
  /** 1-based line of the key in the edited text (of the removed line, for a removal). */
  line: number;
  /** The value as the file had it, when it had one. */
  previous?: string;
}

/** Why a file is not edited, with the line to look at. */
export class EditRefused extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface Block {
  lines: string[];
  /** Index of the opening `---` line in `lines`; the block's keys are between it and `close`. */
  open: number;
  close: number;
  /** "\r" where the file's lines end in CRLF. */
  cr: string;
  bom: string;
}

/**
 * Sets `key` (dots walk nested mappings where no top-level key has the dotted name) to `value`.
 * An existing key keeps its line, spacing, quoting and comment; a new one goes after `after` when
 * that top-level key is present, else at the end of the block (a nested key at the end of its
 * mapping); a file without front matter gets a block.
 */
export function setFrontMatterValue(text: string, key: string, value: string | boolean, options: { after?: string } = {}): FrontMatterEdit {
  const data = readData(text);
  const block = splitBlock(text);
  const path = keyPath(data, key);
  const expected = structuredClone(data);
  setAt(expected, path, value);
  if (block === undefined) {
    const eol = text.includes("\r\n") && text.indexOf("\r\n") === text.indexOf("\n") - 1 ? "\r\n" : "\n";
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    const body = path.map((part, depth) => `${"  ".repeat(depth)}${part}:${depth === path.length - 1 ? ` ${format(value, undefined)}` : ""}`);
    const edited = `${bom}---${eol}${body.join(eol)}${eol}---${eol}${text.slice(bom.length)}`;
    return verified(edited, expected, { text: edited, change: "added", line: 1 + path.length });
  }
  const found = locate(block, path);
  if (found.line !== undefined) {
    const current = splitValue(block.lines[found.line]!, found.line, found.indent);
    const formatted = format(value, current.quote);
    const lines = [...block.lines];
    lines[found.line] = `${current.prefix}${formatted}${current.suffix}`;
    const edited = block.bom + lines.join("\n");
    const change = edited === text ? "unchanged" : "updated";
    return verified(edited, expected, { text: edited, change, line: found.line + 1, previous: current.plain });
  }
  // Absent: add the missing keys under the deepest parent that exists.
  const remaining = path.slice(found.depth);
  const style = fileQuote(block);
  const unit = indentUnit(block);
  const childIndent = found.childIndent ?? found.indent + (found.depth === 0 ? 0 : unit);
  const added = remaining.map((part, index) => `${" ".repeat(childIndent + index * unit)}${part}:${index === remaining.length - 1 ? ` ${format(value, style)}` : ""}${block.cr}`);
  let at = found.insertAt;
  if (found.depth === 0 && options.after !== undefined) {
    const anchor = locate(block, [options.after]);
    if (anchor.line !== undefined) at = lastLineOf(block, anchor.line, 0) + 1;
  }
  const lines = [...block.lines.slice(0, at), ...added, ...block.lines.slice(at)];
  const edited = block.bom + lines.join("\n");
  return verified(edited, expected, { text: edited, change: "added", line: at + added.length });
}

/** Removes `key`'s line; a file without the key is unchanged. */
export function removeFrontMatterKey(text: string, key: string): FrontMatterEdit {
  const data = readData(text);
  const block = splitBlock(text);
  const path = keyPath(data, key);
  if (block === undefined) return { text, change: "unchanged", line: 1 };
  const found = locate(block, path);
  if (found.line === undefined) return { text, change: "unchanged", line: 1 };
  const current = splitValue(block.lines[found.line]!, found.line, found.indent);
  const expected = structuredClone(data);
  deleteAt(expected, path);
  const lines = block.lines.filter((_, index) => index !== found.line);
  const edited = block.bom + lines.join("\n");
  return verified(edited, expected, { text: edited, change: "removed", line: found.line + 1, previous: current.plain });
}

function readData(text: string): Record<string, unknown> {
  const frontMatter = readFrontMatter(text.startsWith("\uFEFF") ? text.slice(1) : text);
  const problem = frontMatter.problems[0];
  if (problem) throw new EditRefused(problem.message, problem.line ?? 1);
  return frontMatter.data;
}

/**
 * The key as the file has it: a top-level key of that name (`ms.date`), else the dotted path. An
 * absent dotted key is nested (`l10n.sourceCommit`, as MDN writes it) unless the file already has
 * top-level keys with its dotted prefix, or the prefix is `ms` (Microsoft Docs' flat `ms.*` keys).
 */
function keyPath(data: Record<string, unknown>, key: string): string[] {
  if (Object.hasOwn(data, key) || !key.includes(".")) return [key];
  const first = key.split(".")[0]!;
  const parent = data[first];
  if (parent !== null && typeof parent === "object" && !Array.isArray(parent)) return key.split(".");
  if (first === "ms" || Object.keys(data).some((name) => name.startsWith(`${first}.`))) return [key];
  return key.split(".");
}

function splitBlock(text: string): Block | undefined {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const lines = text.slice(bom.length).split("\n");
  const first = lines[0]!.replace(/\r$/, "");
  if (!/^---\s*(ya?ml)?\s*$/i.test(first) || lines.length < 2) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line.replace(/\r$/, "")));
  if (close === -1) throw new EditRefused("the front matter block is not closed with `---`", 1);
  return { lines, open: 0, close, cr: lines[0]!.endsWith("\r") ? "\r" : "", bom };
}

interface Located {
  /** The key's line, when present. */
  line?: number;
  /** Indentation of the key's line (or of the deepest parent found). */
  indent: number;
  /** How many parts of the path were found. */
  depth: number;
  /** Where missing keys go: after the last line of the deepest parent found. */
  insertAt: number;
  childIndent?: number;
}

function locate(block: Block, path: readonly string[]): Located {
  let start = block.open + 1;
  let end = block.close;
  let indent = 0;
  let childIndent: number | undefined = 0;
  let parentLine: number | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const keyIndent = childIndent ?? indent;
    const line = findKey(block, path[depth]!, keyIndent, start, end);
    if (line === undefined) {
      const insertAt = parentLine === undefined ? block.close : lastLineOf(block, parentLine, indent) + 1;
      return { indent, depth, insertAt, ...(childIndent !== undefined && { childIndent }) };
    }
    if (depth === path.length - 1) return { line, indent: keyIndent, depth: path.length, insertAt: line + 1 };
    const rest = afterColon(block.lines[line]!, keyIndent);
    if (rest.replace(/\s+#.*$/, "").trim() !== "") throw new EditRefused(`\`${path.slice(0, depth + 1).join(".")}\` is not a mapping written one key a line`, line + 1);
    parentLine = line;
    indent = keyIndent;
    start = line + 1;
    end = lastLineOf(block, line, keyIndent) + 1;
    childIndent = firstIndent(block, start, end);
  }
  return { indent, depth: path.length, insertAt: end };
}

function findKey(block: Block, name: string, indent: number, start: number, end: number): number | undefined {
  const escaped = name.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  const pattern = new RegExp(`^ {${indent}}(${escaped}|"${escaped}"|'${escaped}')\\s*:(\\s|$)`);
  for (let index = start; index < end; index++) if (pattern.test(block.lines[index]!)) return index;
  return undefined;
}

/** The last line belonging to the key at `line`: the lines after it that are indented deeper, or blank. */
function lastLineOf(block: Block, line: number, indent: number): number {
  let last = line;
  for (let index = line + 1; index < block.close; index++) {
    const text = block.lines[index]!.replace(/\r$/, "");
    if (text.trim() === "") continue;
    if (leading(text) <= indent && !text.trimStart().startsWith("#")) break;
    if (leading(text) > indent) last = index;
  }
  return last;
}

function firstIndent(block: Block, start: number, end: number): number | undefined {
  for (let index = start; index < end; index++) {
    const text = block.lines[index]!.replace(/\r$/, "");
    if (text.trim() !== "" && !text.trimStart().startsWith("#")) return leading(text);
  }
  return undefined;
}

/** The block's indentation step, from its first indented line; two spaces when nothing is indented. */
function indentUnit(block: Block): number {
  for (let index = block.open + 1; index < block.close; index++) {
    const text = block.lines[index]!;
    const spaces = leading(text);
    if (spaces > 0 && text.trim() !== "" && !text.trimStart().startsWith("-")) return spaces;
  }
  return 2;
}

function leading(text: string): number {
  return text.length - text.trimStart().length;
}

function afterColon(line: string, indent: number): string {
  const text = line.replace(/\r$/, "");
  const match = /^(\s*("[^"]*"|'[^']*'|[^:]*?)\s*:)/.exec(text.slice(indent));
  return match ? text.slice(indent + match[1]!.length) : "";
}

/** A key's line as prefix (`  key: `), the value as written, and what follows it (a comment, the CR). */
function splitValue(line: string, index: number, indent: number): { prefix: string; raw: string; plain: string; quote: '"' | "'" | undefined; suffix: string } {
  const cr = line.endsWith("\r") ? "\r" : "";
  const text = cr ? line.slice(0, -1) : line;
  const rest = afterColon(text, indent);
  const gap = rest.length - rest.trimStart().length;
  const prefix = text.slice(0, text.length - rest.length + gap);
  const value = rest.slice(gap);
  let raw: string;
  if (value.startsWith('"')) raw = /^"(?:[^"\\]|\\.)*"/.exec(value)?.[0] ?? "";
  else if (value.startsWith("'")) raw = /^'(?:[^']|'')*'/.exec(value)?.[0] ?? "";
  else raw = value.replace(/\s+#.*$/, "").trimEnd();
  if (raw === "" || /^[|>[{&*!]/.test(raw)) throw new EditRefused(`the value on this line is not a single-line scalar (${raw === "" ? "empty, or on the lines below" : `\`${raw.slice(0, 1)}\``})`, index + 1);
  const quote = raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : undefined;
  const parsed = yaml.load(`v: ${raw}`, { schema: yaml.CORE_SCHEMA }) as { v: unknown };
  return { prefix, raw, plain: String(parsed.v), quote, suffix: value.slice(raw.length) + cr };
}

/** The quote most top-level string values of the block use, where quoting is the rule; else none. */
function fileQuote(block: Block): '"' | "'" | undefined {
  const counts = { '"': 0, "'": 0, plain: 0 };
  for (let index = block.open + 1; index < block.close; index++) {
    const match = /^[^\s#'"][^:]*:\s+(\S)/.exec(block.lines[index]!);
    if (!match) continue;
    if (match[1] === '"' || match[1] === "'") counts[match[1]]++;
    else if (!/[|>[{&*!-]/.test(match[1]!)) counts.plain++;
  }
  if (counts['"'] > counts.plain && counts['"'] >= counts["'"]) return '"';
  if (counts["'"] > counts.plain) return "'";
  return undefined;
}

/** A value in the given quoting; a string that would not read back as itself unquoted is double-quoted. */
function format(value: string | boolean, quote: '"' | "'" | undefined): string {
  if (typeof value === "boolean") return String(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(value);
  const plainReadsBack = (yaml.load(`v: ${value}`, { schema: yaml.CORE_SCHEMA }) as { v: unknown } | undefined)?.v === value && !/[#:]/.test(value);
  return plainReadsBack ? value : JSON.stringify(value);
}

function verified(edited: string, expected: Record<string, unknown>, edit: FrontMatterEdit): FrontMatterEdit {
  const after = readFrontMatter(edited.startsWith("\uFEFF") ? edited.slice(1) : edited);
  if (after.problems.length > 0 || !isDeepStrictEqual(plain(after.data), plain(expected))) {
    throw new EditRefused("the front matter cannot be changed on this one line without changing other values", edit.line);
  }
  return edit;
}

/** js-yaml's objects and clones compared as data. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}));
}

function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = data;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function deleteAt(data: Record<string, unknown>, path: readonly string[]): void {
  let node: unknown = data;
  for (const part of path.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[part];
  if (node !== null && typeof node === "object") delete (node as Record<string, unknown>)[path.at(-1)!];
}
