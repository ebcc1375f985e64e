/**
 * Escaping for the reports that embed document text. Headings, anchors and messages come from
 * the documents, so every report treats them as hostile: nothing from a document may become markup.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

/**
 * Text inside a Markdown table cell, HTML included. The characters GitHub Markdown reads as inline
 * syntax there (emphasis, code, links, HTML, entities, strikethrough, math, the cell separator)
 * become numeric character references, which it always shows literally. Line-start syntax such as
 * `#` cannot occur: a cell never starts a line. Line breaks become spaces: a row is one line.
 * Other control characters are shown as `\u{1b}`, as the text report does: the document may be
 * printed to a terminal, where an escape sequence would recolour or rewrite the log.
 */
export function escapeMarkdown(text: string): string {
  return withoutGitHubReferences(visibleControls(text.replace(/[\r\n]+/g, " "))).replace(/[\\`*_[\]<>&|~$]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * GitHub turns text into links and notifications after Markdown is rendered, from the decoded
 * text, inside `<code>` elements written as HTML too: `@name` mentions (and notifies) a user or
 * team, `#123`, `GH-123` and `owner/repo#123` link issues, and `https://…`, `www.…` and
 * `name@host` become links. A zero-width space (U+200B) after the `@`, the `#`, the `-`, the
 * scheme or `www` keeps each from being recognised, and the text reads the same. Applied to every
 * value the Markdown report interpolates, before its characters become entities (whose `#` is not a reference).
 */
export function withoutGitHubReferences(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, "@\u200b")
    .replace(/#(?=\d)/g, "#\u200b")
    .replace(/\b(GH)-(?=\d)/gi, "$1-\u200b")
    .replace(/\b(https?|ftp|mailto|xmpp)(?=:)/gi, "$1\u200b")
    .replace(/\b(www)(?=\.)/gi, "$1\u200b");
}

/** C0 and C1 controls and line separators, as `\u{…}` text (the text report's `printable`). */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}

/**
 * A finding message for Markdown: the names a rule put in backticks become `<code>` elements,
 * everything else is escaped text. A name holding a backtick only shifts where code starts;
 * its text is escaped all the same.
 */
export function messageToMarkdown(message: string): string {
  return message
    .split("`")
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeMarkdown(part)}</code>` : escapeMarkdown(part)))
    .join("");
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as `\u` escapes, so no
 * `</script>` or `<!--` in a document can end the block, and U+2028/U+2029 for old parsers.
 * `JSON.parse` of the block's text gives the value back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Text printed into a GitHub Actions log that is not meant as workflow commands: the runner
 * reads a line whose first non-blank characters are `::` as a command (`::error ...::`,
 * `::stop-commands::`) and `##[name]` anywhere in a line as an old-style one. The `:` or `#` that
 * would start one is shown as `\u{3a}` / `\u{23}`, as control characters are. The destination's
 * one escaping function: applied to each line after the terminal's (`visibleControls`, per value).
 */
export function escapeWorkflowLog(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, "$1\\u{3a}").replace(/#(?=#\[)/g, "\\u{23}");
}

/**
 * JSON for a terminal or log: `JSON.stringify` escapes C0 controls but leaves DEL, the C1
 * controls (`\u009b` starts a sequence on some terminals) and U+2028/U+2029 as they are; they
 * become `\u` escapes here, which `JSON.parse` reads back as the same text.
 */
export function jsonText(value: unknown): string {
  return `${escapeJsonControls(JSON.stringify(value, null, 2))}\n`;
}

function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Chunks of about this many characters: few writes (each costs a buffer and a call), and never the whole report as one string. */
const JSON_CHUNK_CHARACTERS = 1024 * 1024;

/**
 * `jsonText(value)` in pieces that end at line ends, the same characters: an object's members and an array's items are
 * stringified a few at a time at their depth, down to `streamDepth` levels, so the largest string
 * held is a run of items (findings, articles' outlines), not the report. At 100,000 files the report's
 * JSON is several hundred megabytes, which as one string (two bytes a character once any Chinese
 * title is in it) and then its UTF-8 copy took more memory than the check itself.
 */
export function* jsonTextChunks(value: unknown, streamDepth = 2): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of prettyPieces(value, "", streamDepth)) {
    pending.push(piece);
    length += piece.length;
    if (length < JSON_CHUNK_CHARACTERS) continue;
    // Cut after a line: a log's escaping (`escapeWorkflowLog`) reads whole lines, and a `##[`
    // split across two chunks would escape neither half.
    const text = pending.join("");
    const cut = text.lastIndexOf("\n");
    if (cut === -1) {
      pending = [text];
      continue;
    }
    yield escapeJsonControls(text.slice(0, cut + 1));
    pending = [text.slice(cut + 1)];
    length = pending[0]!.length;
  }
  yield `${escapeJsonControls(pending.join(""))}\n`;
}

/** Items of an array stringified in one call: fewer calls, and no second pass over each item's text to indent it. */
const ITEMS_PER_CALL = 256;

/**
 * Items `from`…`to` of an array whose items sit at `indent`, as `JSON.stringify(value, null, 2)`
 * writes them there, separators included: one `JSON.stringify` of the run nested in as many arrays
 * as `indent` is deep, less the nesting's brackets, which need no pass over the text to indent it.
 */
function itemRun(items: readonly unknown[], from: number, to: number, indent: string): string {
  const depth = indent.length / 2;
  let nested: unknown = items.slice(from, to);
  for (let level = 1; level < depth; level++) nested = [nested];
  // Each level of nesting k (0-based) opens with `[` and a line end after 2k spaces and closes
  // the same way: depth × (depth + 1) characters each side, and the items' own indent before the first.
  const brackets = depth * (depth + 1);
  const text = JSON.stringify(nested, null, 2);
  return text.slice(brackets + indent.length, text.length - brackets);
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function unshown(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** `JSON.stringify(value, null, 2)` at `indent`, in pieces; members it would leave out are left out. */
function* prettyPieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    yield JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return void (yield "[]");
    yield "[";
    if (depth === 1) {
      for (let from = 0; from < value.length; from += ITEMS_PER_CALL) {
        yield `${from === 0 ? "" : ","}\n${inner}`;
        yield itemRun(value, from, Math.min(value.length, from + ITEMS_PER_CALL), inner);
      }
      yield `\n${indent}]`;
      return;
    }
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? "" : ","}\n${inner}`;
      // An item JSON cannot show (undefined, a function) is null in an array.
      if (unshown(value[index])) yield "null";
      else yield* prettyPieces(value[index], inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const members = Object.entries(value).filter(([, member]) => !unshown(member));
  if (members.length === 0) return void (yield "{}");
  yield "{";
  for (const [index, [key, member]] of members.entries()) {
    yield `${index === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
    yield* prettyPieces(member, inner, depth - 1);
  }
  yield `\n${indent}}`;
}
