/**
 * The token skeleton of a code block: identifiers, keywords, numbers, operators and punctuation,
 * with string literals, comments and the text content of markup reduced to placeholders. Two
 * blocks with the same skeleton differ only in what translators translate (messages, comments,
 * the words of an `<Aside>`); any other difference is code a reader would run differently.
 *
 * Hand-written because no maintained library tokenizes every language a docs site shows (shell,
 * JS/TS/JSX, Astro, YAML, TOML, HTML, MDX…) well enough and cheaply: Prism and highlight.js need a
 * grammar per language and produce highlighting, not a skeleton. This only has to tell strings,
 * comments and markup text from the rest, in one linear pass (every branch moves the index on,
 * each terminator is searched from where the scan stands).
 */

import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";

/** What stands for a string literal, and for a run of markup text, in a skeleton. */
const STRING = "\u0000s";
const TEXT = "\u0000t";

/** Languages where `#` starts a comment (when it starts a line or follows whitespace). */
const HASH_COMMENTS = new Set(["", "sh", "bash", "shell", "zsh", "fish", "console", "shellsession", "powershell", "ps1", "pwsh", "python", "py", "ruby", "rb", "yaml", "yml", "toml", "ini", "conf", "dockerfile", "makefile", "r", "perl", "env", "dotenv", "gitignore", "diff", "elixir", "ex", "exs", "cmake"]);
/** Languages where `%` starts a comment. */
const PERCENT_COMMENTS = new Set(["erlang", "erl", "tex", "latex", "matlab"]);
/** Languages where `--` starts a comment. */
const DASH_COMMENTS = new Set(["sql", "lua", "haskell", "hs"]);
/** Markup: the text between tags (`<x>…</x>`, Markdoc's `{% x %}…{% /x %}`) is prose. Markdown samples start in text. */
const MARKUP = new Set(["html", "htm", "xml", "svg", "vue", "svelte", "astro", "jsx", "tsx", "md", "mdx", "markdown", "markdoc"]);
const STARTS_IN_TEXT = new Set(["md", "mdx", "markdown", "markdoc"]);
const WORD = /[\p{L}\p{N}_$]/u;
/** Two-letter language codes (ISO 639-1): as an object key (`de: 'Neu'`) a locale, like a quoted `'pt-BR':`. */
const LANGUAGE_CODES: ReadonlySet<string> = new Set(Object.values(iso6393To1));
/**
 * The rest of a line that reads as a sentence, in languages where unquoted text is common (shell
 * output, YAML scalars): two words or more, the first capitalised or in a script without case,
 * nothing but words, spaces and closing punctuation after it. A command starts lower case.
 */
const PROSE_TAIL = /(?:[\p{Lu}\p{Lo}][\p{L}\p{M}'’-]*(?:[ \t]+[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*,?)+|\p{Lo}[\p{L}\p{M}\p{N}]+)[ \t]*[.…!?:。]*[ \t]*(?=\r?\n|$)/uy;
/** A log line's message of one word after its tag (`[plugin] Tip`). */
const LOG_WORD = /\p{Lu}[\p{L}\p{M}]+[ \t]*[.…!?:]*[ \t]*(?=\r?\n|$)/uy;
/** What a sentence follows: the start of a line, a space, or a closing bracket or colon (`[plugin] Starting…`, `key: Value`); never a flag's `-`. */
const BEFORE_PROSE = /[\s\]):>]/;
/** A placeholder for the reader to fill in (`<your_github_username>`, `<my-branch>`): its words are translated. */
const PLACEHOLDER = /<[\p{L}\p{N}_ ,.'’-]+>/uy;
/** A shell line continuation: where a translation breaks a long command is layout. */
const CONTINUATION = /\\[ \t]*\r?\n/y;
/** JSX whitespace (`{' '}`), which formatters add and remove: no code. */
const JSX_SPACE = /\{\s*(['"])\s*\1\s*\}/y;
/** An autolink in Markdown text. */
const AUTOLINK = /<https?:\/\/[^\s<>]*>/y;
/** A URL runs to whitespace or the markup that closes it. */
const URL_END = /[^\s<>"'`)\]]*/y;

/**
 * The skeleton of `code` in `language` (lowercase, may be empty), tokens separated by spaces.
 * A word that is one of `locales` (the pair's: `en`, `de`) stands for a string too, so an example
 * adapted to the reader's language (`en: 'New'` → `de: 'Neu'`, `en.wikipedia.org` →
 * `de.wikipedia.org`) is translated text, not other code.
 */
export function codeSkeleton(code: string, language: string, locales: ReadonlySet<string> = new Set()): string {
  const tokens: string[] = [];
  const hashComments = HASH_COMMENTS.has(language);
  const dashComments = DASH_COMMENTS.has(language);
  const percentComments = PERCENT_COMMENTS.has(language);
  const markup = MARKUP.has(language);
  let inText = STARTS_IN_TEXT.has(language);
  let index = 0;
  const push = (token: string) => {
    // A run of text split by a comment or an entity is one placeholder.
    if (token === TEXT && tokens.at(-1) === TEXT) return;
    tokens.push(token);
  };
  while (index < code.length) {
    const char = code[index]!;
    if (code.startsWith("<!--", index)) {
      index = after(code, "-->", index + 4);
      continue;
    }
    if (markup && inText) {
      // Text until the next tag or expression: only whether there is some counts.
      const next = nextOf(code, index, "<", "{");
      if (code.slice(index, next).trim() !== "") push(TEXT);
      index = next;
      // `<https://…>` in text is a link the reader's language may change, not a tag.
      const autolink = endOf(AUTOLINK, code, index);
      if (autolink !== undefined) {
        push(TEXT);
        index = autolink;
        continue;
      }
      const space = endOf(JSX_SPACE, code, index);
      if (space !== undefined) {
        index = space;
        continue;
      }
      inText = false;
      if (index < code.length && code[index] === "{") {
        push("{");
        index++;
      }
      continue;
    }
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const placeholder = !markup && char === "<" ? endOf(PLACEHOLDER, code, index) : undefined;
    if (placeholder !== undefined) {
      index = placeholder;
      push(STRING);
      continue;
    }
    const continuation = hashComments && char === "\\" ? endOf(CONTINUATION, code, index) : undefined;
    if (continuation !== undefined) {
      index = continuation;
      continue;
    }
    const jsxSpace = markup && char === "{" ? endOf(JSX_SPACE, code, index) : undefined;
    if (jsxSpace !== undefined) {
      index = jsxSpace;
      inText = true;
      continue;
    }
    if (markup && (code.startsWith("https://", index) || code.startsWith("http://", index))) {
      // A URL in a page sample (an autolink, an `href`) is the page in the reader's language.
      index = endOf(URL_END, code, index)!;
      push(STRING);
      continue;
    }
    if (code.startsWith("//", index) && !(index > 0 && code[index - 1] === ":")) {
      index = lineEnd(code, index);
      continue;
    }
    if (code.startsWith("/*", index)) {
      index = after(code, "*/", index + 2);
      continue;
    }
    if (char === "#" && hashComments && (index === 0 || /\s/.test(code[index - 1]!))) {
      index = lineEnd(code, index);
      continue;
    }
    if (percentComments && char === "%") {
      index = lineEnd(code, index);
      continue;
    }
    if (dashComments && code.startsWith("--", index)) {
      index = lineEnd(code, index);
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      // In shell, prose or markup text an apostrophe is a word's (`don't`), not a quote.
      if (char === "'" && index > 0 && WORD.test(code[index - 1]!)) {
        index++;
        continue;
      }
      index = stringEnd(code, index, char);
      push(STRING);
      continue;
    }
    if (WORD.test(char)) {
      if (hashComments && (index === 0 || BEFORE_PROSE.test(code[index - 1]!))) {
        const prose = endOf(PROSE_TAIL, code, index) ?? (code.slice(Math.max(0, index - 2), index) === "] " ? endOf(LOG_WORD, code, index) : undefined);
        if (prose !== undefined) {
          push(TEXT);
          index = prose;
          continue;
        }
      }
      let end = index + 1;
      while (end < code.length && WORD.test(code[end]!)) end++;
      const word = code.slice(index, end);
      const lower = word.toLowerCase();
      const isKey = /^[ \t]*:/.test(code.slice(end, end + 8)) && LANGUAGE_CODES.has(lower);
      tokens.push(locales.has(lower) || isKey ? STRING : word);
      index = end;
      continue;
    }
    if ((char === "}" || char === "]" || char === ")") && tokens.at(-1) === ",") {
      // A trailing comma is the formatter's choice, not other code.
      tokens.pop();
    }
    if (char === "}" && tokens.at(-1) === ";" && !markup) {
      // So is the last `;` in a block or a type (`{ a: string; }`).
      tokens.pop();
    }
    if (markup && (char === ">" || char === "}")) {
      // The end of a tag (or a JSX expression) opens text again.
      tokens.push(char);
      index++;
      inText = true;
      continue;
    }
    tokens.push(char);
    index++;
  }
  // How a fragment ends (`],` or `];`, a statement's `;`) is the sample's punctuation, not other code.
  while (tokens.at(-1) === "," || tokens.at(-1) === ";") tokens.pop();
  return tokens.join(" ");
}

/** Fence languages that are one language under several names (`md` and `markdoc`, `sh` and `bash`). */
const LANGUAGE_FAMILIES: ReadonlyMap<string, string> = new Map(
  [
    ["md", "markdown", "mdx", "markdoc"],
    ["js", "javascript", "mjs", "cjs"],
    ["ts", "typescript", "mts", "cts"],
    ["sh", "bash", "shell", "zsh", "console", "shellsession", "terminal"],
    ["yaml", "yml"],
    ["py", "python"],
    ["rb", "ruby"],
    ["ps1", "powershell", "pwsh"],
  ].flatMap((names) => names.map((name) => [name, names[0]!] as const)),
);

/** Whether two fence languages are the same language: a translator may write `md` for the source's `markdoc`. */
export function sameLanguage(a: string, b: string): boolean {
  return a === b || (LANGUAGE_FAMILIES.get(a) ?? a) === (LANGUAGE_FAMILIES.get(b) ?? b);
}

/** Whether a skeleton has anything besides placeholders: prose-only blocks compare as text. */
export function isTextOnly(skeleton: string): boolean {
  return skeleton.split(" ").every((token) => token === "" || token === STRING || token === TEXT);
}

/** Where a sticky pattern's match at `index` ends; undefined when it does not match there. */
function endOf(pattern: RegExp, code: string, index: number): number | undefined {
  pattern.lastIndex = index;
  return pattern.test(code) ? pattern.lastIndex : undefined;
}

function after(code: string, terminator: string, from: number): number {
  const end = code.indexOf(terminator, from);
  return end === -1 ? code.length : end + terminator.length;
}

function lineEnd(code: string, from: number): number {
  const end = code.indexOf("\n", from);
  return end === -1 ? code.length : end;
}

/** The first of `a` or `b` at or after `from`, or the end. */
function nextOf(code: string, from: number, a: string, b: string): number {
  const [first, second] = [code.indexOf(a, from), code.indexOf(b, from)];
  if (first === -1) return second === -1 ? code.length : second;
  return second === -1 ? first : Math.min(first, second);
}

/** Past the closing quote; `'` and `"` strings end at a line break when unclosed, template literals do not. */
function stringEnd(code: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < code.length) {
    const char = code[index]!;
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (char === quote) return index + 1;
    if (char === "\n" && quote !== "`") return index;
    index++;
  }
  return code.length;
}
