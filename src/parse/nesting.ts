/**
 * A linear pre-scan for the shapes that make Markdown parsing slow or deep. micromark and
 * mdast-util-from-markdown recurse and re-scan per level of nesting: ten thousand nested block
 * quotes, list items or emphasis spans overflow the stack, a few hundred already take seconds,
 * and emphasis resolution is quadratic in the markers of one paragraph. micromark has no limit
 * of its own, so this scan estimates each shape from the raw text (a counted `[` or `*` need not
 * open anything: it errs high) and the document is refused before parsing when one is over its
 * limit. Parse time is then bounded by the file size limit and these. Real documents stay far
 * below them.
 */
export interface NestingLimits {
  /** Block quotes and list items inside each other, as the markers and indentation of a line show. */
  maxBlockDepth: number;
  /** Emphasis, strikethrough, links and images inside each other within one paragraph. */
  maxInlineDepth: number;
  /** Emphasis, strikethrough and bracket markers in one paragraph (lines between blank lines). */
  maxInlineMarkers: number;
  /**
   * The depth of every line and of every inline marker, summed over the file. The parser's work
   * grows with depth times length, so deep nesting is allowed only over a short stretch.
   */
  maxNestingWork: number;
}

export const DEFAULT_NESTING_LIMITS: NestingLimits = { maxBlockDepth: 32, maxInlineDepth: 32, maxInlineMarkers: 5000, maxNestingWork: 100_000 };

export interface ExcessiveNesting {
  /** 1-based line where the limit was passed. */
  line: number;
  message: string;
}

/** An open fenced code block: its opening run and the container it is in. */
interface Fence {
  run: string;
  /** Block quote markers before it: a line with fewer ends it. */
  quotes: number;
  /** The content column of the list item it is in (0 for none): a non-blank line left of it ends it. */
  listColumn: number;
}

/** Columns of indentation that stand for one more level of list nesting, at the least. */
const COLUMNS_PER_LEVEL = 2;

/** The first place where `text` passes a limit, or undefined. */
export function findExcessiveNesting(text: string, limits: NestingLimits = DEFAULT_NESTING_LIMITS): ExcessiveNesting | undefined {
  let inlineDepth = 0;
  let markers = 0;
  let work = 0;
  let fence: Fence | undefined; // while inside a fenced code block
  let listColumns: number[] = []; // content columns of the list items the current line may be in
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = lineEnd(text, start);
    const prefix = quotePrefix(text, start, end);
    const blank = isBlank(text, start, end);
    // A fence ends with its container: a line with fewer `>`, or one left of the list item's content.
    if (fence !== undefined && !blank && (prefix.quotes < fence.quotes || prefix.indent < fence.listColumn)) fence = undefined;
    // Inside fenced code, indentation is the code's own, not nesting.
    const { depth: blockDepth, contentStart, listContentColumn, markerPadding } = blockDepthOf(text, start, end, fence === undefined);
    if (blockDepth > limits.maxBlockDepth) {
      return { line, message: `block quotes or lists are nested ${blockDepth} deep, over the limit of ${limits.maxBlockDepth}; the file was not parsed` };
    }
    work += blockDepth;
    if (blank) {
      inlineDepth = 0;
      markers = 0;
    }
    if (fence === undefined && !blank) {
      if (listContentColumn !== undefined) {
        listColumns = listColumns.filter((column) => column <= prefix.indent);
        listColumns.push(listContentColumn);
      } else {
        listColumns = listColumns.filter((column) => column <= prefix.indent);
      }
    }
    // Code is not parsed for emphasis or links, and samples are often dense with `*` and `[`. Per
    // CommonMark a fence is indented less than 4 columns past its container's content (4 or more
    // is indented code, which cannot open or close one); erring, the scan treats a run as a fence
    // only where the parser surely does, so a deep list cannot hide behind an indented ```.
    const containerColumn = listColumns.filter((column) => column <= prefix.indent).at(-1) ?? 0;
    const relativeIndent = listContentColumn !== undefined ? markerPadding : prefix.indent - containerColumn;
    const run = relativeIndent < 4 ? fenceRun(text, contentStart, end) : undefined;
    let inFence = fence !== undefined;
    if (fence === undefined && run !== undefined && !(run[0] === "`" && text.slice(contentStart + run.length, end).includes("`"))) {
      fence = { run, quotes: prefix.quotes, listColumn: listContentColumn ?? containerColumn };
      inFence = true;
    } else if (fence !== undefined && run !== undefined && run[0] === fence.run[0] && run.length >= fence.run.length && isBlank(text, contentStart + run.length, end)) {
      fence = undefined;
    }
    const inlineStart = inFence ? end : start;
    for (let index = inlineStart; index < end; index++) {
      const char = text[index]!;
      if (char === "\\") {
        index++;
        continue;
      }
      if (char === "[") {
        inlineDepth++;
        markers++;
      } else if (char === "]") {
        inlineDepth = Math.max(0, inlineDepth - 1);
        markers++;
      } else if (char === "*" || char === "_" || char === "~") {
        let runEnd = index;
        while (runEnd + 1 < end && text[runEnd + 1] === char) runEnd++;
        // `**` opens one node (strong), `***` two: a run opens at most half its length, rounded up.
        const length = Math.ceil((runEnd - index + 1) / 2);
        const before = index === start ? " " : text[index - 1]!;
        const after = runEnd + 1 === end ? " " : text[runEnd + 1]!;
        if (!isWordChar(after) && isWordChar(before)) inlineDepth = Math.max(0, inlineDepth - length);
        else if (isWordChar(after) && !isWordChar(before)) inlineDepth += length;
        markers++;
        index = runEnd;
      } else {
        continue;
      }
      if (inlineDepth > limits.maxInlineDepth) {
        return { line, message: `emphasis or links are nested more than ${limits.maxInlineDepth} deep; the file was not parsed` };
      }
      if (markers > limits.maxInlineMarkers) {
        return { line, message: `a paragraph has more than ${limits.maxInlineMarkers} emphasis and link markers; the file was not parsed` };
      }
      work += inlineDepth;
    }
    if (work > limits.maxNestingWork) {
      return { line, message: `the nesting of its lines and inline markers adds up to more than ${limits.maxNestingWork} levels; the file was not parsed` };
    }
    start = nextLineStart(text, end);
  }
  return undefined;
}

/**
 * Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of the line, plus its
 * indentation; and where the line's content starts after them.
 */
function blockDepthOf(
  text: string,
  start: number,
  end: number,
  countIndentation: boolean,
): { depth: number; contentStart: number; listContentColumn: number | undefined; markerPadding: number } {
  let columns = 0;
  let index = start;
  for (; index < end && (text[index] === " " || text[index] === "\t"); index++) columns += text[index] === "\t" ? 4 : 1;
  let markers = 0;
  let listContentColumn: number | undefined;
  let markerPadding = 0;
  while (index < end) {
    const char = text[index]!;
    let next = index + 1;
    if (char === ">") {
      markers++;
    } else if (char === "-" || char === "*" || char === "+" || isDigit(char)) {
      while (isDigit(char) && next < end && isDigit(text[next]!)) next++;
      if (isDigit(char)) {
        if (text[next] !== "." && text[next] !== ")") break;
        next++;
      }
      if (next < end && text[next] !== " " && text[next] !== "\t") break;
      markers++;
      listContentColumn = next - start;
    } else {
      break;
    }
    const markerEnd = next;
    for (index = next; index < end && (text[index] === " " || text[index] === "\t"); index++);
    // Past the one space a marker takes, more than 3 more is indented code, not a fence.
    markerPadding = Math.max(0, index - markerEnd - 1);
    if (listContentColumn !== undefined && char !== ">") listContentColumn = index - start;
  }
  return { depth: markers + (countIndentation ? Math.floor(columns / COLUMNS_PER_LEVEL) : 0), contentStart: index, listContentColumn, markerPadding };
}

/** The block quote markers that start a line, and the columns of indentation after them. */
function quotePrefix(text: string, start: number, end: number): { quotes: number; indent: number } {
  let quotes = 0;
  let index = start;
  let indent = 0;
  for (;;) {
    let columns = 0;
    let at = index;
    for (; at < end && (text[at] === " " || text[at] === "\t"); at++) columns += text[at] === "\t" ? 4 : 1;
    if (at < end && text[at] === ">" && columns < 4) {
      quotes++;
      index = at + 1;
      if (text[index] === " ") index++; // the space after `>` belongs to the marker
      continue;
    }
    indent = columns;
    break;
  }
  return { quotes, indent };
}

/** The ``` or ~~~ run (three or more) that starts the content, if any. */
function fenceRun(text: string, contentStart: number, end: number): string | undefined {
  const char = text[contentStart];
  if (char !== "`" && char !== "~") return undefined;
  let runEnd = contentStart;
  while (runEnd < end && text[runEnd] === char) runEnd++;
  return runEnd - contentStart >= 3 ? text.slice(contentStart, runEnd) : undefined;
}

function lineEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && text[index] !== "\n" && text[index] !== "\r") index++;
  return index;
}

function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text[end] === "\r" && text[end + 1] === "\n" ? end + 2 : end + 1;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text[index] !== " " && text[index] !== "\t") return false;
  return true;
}

/** Letters, digits and other non-space, non-punctuation characters: what flanking rules look at. */
function isWordChar(char: string): boolean {
  return !/[\s\p{P}\p{S}]/u.test(char);
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9";
}
