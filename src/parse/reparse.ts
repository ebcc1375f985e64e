import type { RootContent } from "mdast";
import type { Point, Position } from "unist";
import { lastAtMost } from "../util/sorted.js";

/** Another version's text body (front matter lines emptied) and its tree's top-level nodes. */
export interface ParsedBody {
  body: string;
  children: readonly RootContent[];
}

/**
 * The top-level nodes of `body`, parsed only where it differs from `versions`; undefined when it
 * shares no stretch with them, and the caller parses it whole.
 *
 * A history check parses old versions of a source, and one version differs from the next in a
 * few sections. Markdown's block structure restarts at a heading that is a direct child of the
 * root and starts its line with `#`: no block is open across it, and it closes with its line. So
 * a version's nodes from one such heading to the next depend only on the text between them (and
 * the line after, which ended them). Where the text has that same stretch, starting where the
 * parser starts afresh and followed by the same line (or another heading line, see ATX_LINE), it
 * takes the version's nodes, their positions moved; what is between is parsed, up to and including the next stretch's heading line, which
 * must come out a top-level heading (an unclosed fence would swallow it), or nothing is reused.
 *
 * Inline parsing is not local: `[text][label]` is a link when `label` is defined anywhere in the
 * text. So each parsed stretch is parsed with the versions' labels written after it (and dropped
 * again), and the result stands only if the text defines the same labels as each version it takes
 * nodes from. A text with a lone carriage return (a line ending the parser counts and this does
 * not) is parsed whole. No library parses Markdown incrementally (micromark and
 * mdast-util-from-markdown read a whole text); the tests compare this with whole parses.
 */
export function reparseNear(body: string, versions: readonly ParsedBody[], parse: (text: string) => RootContent[]): RootContent[] | undefined {
  // Most parses have no other version: they cost nothing here, not even a scan of the text.
  const usable = versions.filter((version) => !LONE_CR.test(version.body));
  if (usable.length === 0 || LONE_CR.test(body)) return undefined;
  const same = usable.find((version) => version.body === body);
  if (same) return [...same.children];
  const plan = planReuse(body, usable.flatMap(stretchesOf));
  if (plan === undefined) return undefined;
  return assemble(body, plan, parse);
}

const LONE_CR = /\r(?!\n)/;

/** A version's nodes from a top-level `#` heading (or the start) to the next one (or the end). */
interface Stretch {
  version: ParsedBody;
  nodes: readonly RootContent[];
  text: string;
  /** Where the stretch starts in the version's text, and on which line. */
  offset: number;
  line: number;
  /** The line that ended it (without its line ending), undefined at the end of the text. */
  next: string | undefined;
}

/** Each version's stretches, found once however many texts reuse them. */
const STRETCHES = new WeakMap<ParsedBody, Stretch[]>();

function stretchesOf(version: ParsedBody): Stretch[] {
  let stretches = STRETCHES.get(version);
  if (stretches === undefined) STRETCHES.set(version, (stretches = findStretches(version)));
  return stretches;
}

function findStretches(version: ParsedBody): Stretch[] {
  const { body, children } = version;
  const starts: number[] = [];
  for (let index = 0; index < children.length; index++) if (isTopLevelAtx(children[index]!, body)) starts.push(index);
  const stretches: Stretch[] = [];
  // The first stretch starts at the text's start, with the lines before its heading (front matter).
  const bounds = starts[0] === 0 ? starts : [0, ...starts];
  for (let at = 0; at < bounds.length; at++) {
    const end = bounds[at + 1];
    const offset = at === 0 ? 0 : children[bounds[at]!]!.position!.start.offset!;
    const endOffset = end === undefined ? body.length : children[end]!.position!.start.offset!;
    if (endOffset === offset) continue;
    stretches.push({
      version,
      nodes: children.slice(bounds[at], end),
      text: body.slice(offset, endOffset),
      offset,
      line: at === 0 ? 1 : children[bounds[at]!]!.position!.start.line,
      next: end === undefined ? undefined : body.slice(endOffset, endOfLine(body, endOffset)),
    });
  }
  return stretches;
}

/**
 * A line the parser reads as an ATX heading wherever no fence or HTML block is open. The line that
 * ended a stretch in its version proves that none is open at its end; then any such line ends it
 * too. A stretch that may end in a table is not taken so: micromark ended a table at every ATX
 * line tried (with and without pipes, in quotes and lists), but a table's rows are not told apart
 * by their start, so this is a precaution no test can show.
 */
const ATX_LINE = /^#{1,6}(?:[ \t\r]|$)/;
const TABLE_MARK = /\||:-|-:/;

type Piece = { reuse: Stretch; offset: number } | { parse: [number, number] };

/**
 * Which stretches of the text the versions' stretches cover, in order, and what is parsed between;
 * undefined when none is reused. A stretch is reused where the text has it at a line start the
 * parser starts afresh at (the text's start, the end of a reused stretch, or a line the parse
 * before it proves a top-level heading), followed by the line that followed it.
 */
function planReuse(body: string, stretches: readonly Stretch[]): Piece[] | undefined {
  const byFirstLine = new Map<string, Stretch[]>();
  for (const stretch of stretches) {
    const key = stretch.offset === 0 ? "" : stretch.text.slice(0, endOfLine(stretch.text, 0));
    const list = byFirstLine.get(key);
    if (list) list.push(stretch);
    else byFirstLine.set(key, [stretch]);
  }
  const reusableAt = (offset: number): Stretch | undefined => {
    const key = offset === 0 ? "" : body.slice(offset, endOfLine(body, offset));
    for (const stretch of byFirstLine.get(key) ?? []) {
      if (!body.startsWith(stretch.text, offset)) continue;
      const end = offset + stretch.text.length;
      const follows = end === body.length ? undefined : body.slice(end, endOfLine(body, end));
      if (follows === stretch.next || (follows !== undefined && stretch.next !== undefined && ATX_LINE.test(follows) && !TABLE_MARK.test(stretch.text))) return stretch;
    }
    return undefined;
  };
  const pieces: Piece[] = [];
  let reused = false;
  let pending = 0; // where the stretch to parse starts
  for (let at = 0; at < body.length; ) {
    const stretch = at === 0 || body.charCodeAt(at) === 0x23 ? reusableAt(at) : undefined;
    if (stretch) {
      if (pending < at) pieces.push({ parse: [pending, at] });
      pieces.push({ reuse: stretch, offset: at });
      reused = true;
      at += stretch.text.length;
      pending = at;
      continue;
    }
    const newline = body.indexOf("\n", at);
    at = newline === -1 ? body.length : newline + 1;
  }
  if (!reused) return undefined;
  if (pending < body.length) pieces.push({ parse: [pending, body.length] });
  return pieces;
}

function assemble(body: string, pieces: readonly Piece[], parse: (text: string) => RootContent[]): RootContent[] | undefined {
  const versions = new Set(pieces.flatMap((piece) => ("reuse" in piece ? [piece.reuse.version] : [])));
  const labelsOf = new Map([...versions].map((version) => [version, new Set(definedLabels(version.children))]));
  const known = [...new Set([...labelsOf.values()].flatMap((labels) => [...labels]))];
  const lines = lineStarts(body);
  const children: RootContent[] = [];
  const parsedLabels = new Set<string>();
  let lastLabels: Set<string> | undefined; // what a stretch parsed to the end could see: its own labels
  for (const piece of pieces) {
    if ("reuse" in piece) {
      const { reuse, offset } = piece;
      const lineShift = lineOf(lines, offset) - reuse.line;
      const offsetShift = offset - reuse.offset;
      for (const node of reuse.nodes) children.push(lineShift === 0 && offsetShift === 0 ? node : shifted(node, lineShift, offsetShift));
      continue;
    }
    const [start, end] = piece.parse;
    const followed = end < body.length;
    // A stretch followed by a heading is parsed with that heading's line and then the labels the
    // versions define; one that runs to the end is parsed as it is, with its own labels only.
    const labelLines = followed ? known.map((label) => `\n[${label}]: #`).join("") : "";
    const text = body.slice(start, followed ? endOfLine(body, end) : end) + (labelLines === "" ? "" : `\n${labelLines}`);
    const parsed = parse(text);
    const written = followed ? parsed.splice(parsed.length - known.length) : [];
    if (!written.every((node, index) => node.type === "definition" && node.identifier === known[index])) return undefined;
    if (followed) {
      const heading = parsed.pop();
      const line = lineOf(lines, end) - lineOf(lines, start) + 1;
      const position = heading?.position;
      if (heading?.type !== "heading" || position?.start.line !== line || position.start.column !== 1 || position.end.line !== line) return undefined;
    }
    const own = definedLabels(parsed);
    for (const label of own) parsedLabels.add(label);
    if (!followed) lastLabels = new Set(own);
    const lineShift = lineOf(lines, start) - 1;
    for (const node of parsed) {
      shiftInPlace(node, lineShift, start);
      children.push(node);
    }
  }
  // Every kept node was parsed knowing its version's labels, every parsed stretch the versions'
  // labels and its own: all must be the text's labels.
  const labels = new Set([...parsedLabels, ...pieces.flatMap((piece) => ("reuse" in piece ? definedLabels(piece.reuse.nodes) : []))]);
  const sameAs = (other: Set<string>) => other.size === labels.size && [...other].every((label) => labels.has(label));
  if (![...labelsOf.values()].every(sameAs)) return undefined;
  if (lastLabels !== undefined && !sameAs(lastLabels)) return undefined;
  return children;
}

/** The labels of the definitions among these nodes and the blocks they contain (quotes, lists), normalised as the parser does. */
function definedLabels(nodes: readonly RootContent[]): string[] {
  const labels: string[] = [];
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "definition") labels.push(node.identifier);
    else if (node.type === "blockquote" || node.type === "list" || node.type === "listItem") stack.push(...(node.children as RootContent[]));
  }
  return labels;
}

/** A one-line heading that is a direct child of the root, its `#` the first character of its line. */
function isTopLevelAtx(node: RootContent, text: string): boolean {
  if (node.type !== "heading" || node.position?.start.offset === undefined) return false;
  const { start, end } = node.position;
  return start.line === end.line && start.column === 1 && text.charCodeAt(start.offset!) === 0x23;
}

function endOfLine(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
}

/** The offset each line starts at (no lone carriage returns: see reparseNear). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

/** The 1-based line an offset is on. */
function lineOf(starts: readonly number[], offset: number): number {
  return lastAtMost(starts, offset) + 1;
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, ...(point.offset !== undefined && { offset: point.offset + offset }) };
}

function shiftPosition(position: Position, lines: number, offset: number): Position {
  return { start: shiftPoint(position.start, lines, offset), end: shiftPoint(position.end, lines, offset) };
}

/** Moves the positions of a freshly parsed subtree; iterative, as a tree may nest thousands deep. */
function shiftInPlace(root: RootContent, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const stack: RootContent[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) node.position = shiftPosition(node.position, lines, offset);
    if ("children" in node) for (const child of node.children) stack.push(child as RootContent);
  }
}

/** A copy of a kept subtree with its positions moved: the version's own tree is left as it is. */
function shifted(root: RootContent, lines: number, offset: number): RootContent {
  const copy = { ...root } as RootContent;
  const stack: RootContent[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) node.position = shiftPosition(node.position, lines, offset);
    if ("children" in node) {
      const children = node.children.map((child) => ({ ...child }));
      (node as { children: unknown[] }).children = children;
      for (const child of children) stack.push(child as RootContent);
    }
  }
  return copy;
}
