/**
 * The locales a site's own configuration lists (`.vitepress/config.mts`, `astro.config.mjs`),
 * read without running it: the keys of the first literal `locales: { ... }` (or
 * `const locales = { ... }`) object. A configuration is code, and this tool never runs code it
 * reads; what is not a literal (`locales: localesConfig`, a spread, a computed key) is
 * "not readable", and the caller falls back to the tree's folders.
 *
 * Hand-written rather than a JavaScript parser: these files are as often TypeScript as
 * JavaScript, the parsers in reach read one or the other, and all that is needed is one
 * object's keys, for which knowing strings, comments and brackets is enough.
 */
export function literalLocaleKeys(text: string): string[] | undefined {
  const scanner = new Scanner(text);
  while (scanner.findWord("locales")) {
    const after = scanner.position;
    scanner.skipSpace();
    const operator = scanner.peek();
    if ((operator === ":" || operator === "=") && scanner.peek(1) !== "=") {
      scanner.advance(1);
      scanner.skipSpace();
      if (scanner.peek() === "{") {
        const keys = scanner.objectKeys();
        if (keys !== undefined) return keys;
      }
    }
    scanner.position = after;
  }
  return undefined;
}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$]/;

class Scanner {
  position = 0;
  constructor(private readonly text: string) {}

  peek(offset = 0): string {
    return this.text[this.position + offset] ?? "";
  }

  advance(count: number): void {
    this.position += count;
  }

  /** Moves past the next occurrence of `word` as a whole identifier outside strings and comments. */
  findWord(word: string): boolean {
    while (this.position < this.text.length) {
      if (this.skipCommentOrString()) continue;
      const char = this.peek();
      if (IDENTIFIER_START.test(char)) {
        const identifier = this.identifier();
        if (identifier === word) return true;
        continue;
      }
      this.advance(1);
    }
    return false;
  }

  skipSpace(): void {
    while (this.position < this.text.length && (this.skipTrivia() || /\s/.test(this.peek()))) {
      if (/\s/.test(this.peek())) this.advance(1);
    }
  }

  /** Skips one comment or string, whose contents are no code; true when there was one. */
  private skipCommentOrString(): boolean {
    if (this.skipTrivia()) return true;
    const char = this.peek();
    if (char !== '"' && char !== "'" && char !== "`") return false;
    this.skipString();
    return true;
  }

  /** Skips one comment; true when there was one. */
  private skipTrivia(): boolean {
    if (this.peek() === "/" && this.peek(1) === "/") {
      const end = this.text.indexOf("\n", this.position);
      this.position = end === -1 ? this.text.length : end + 1;
      return true;
    }
    if (this.peek() === "/" && this.peek(1) === "*") {
      const end = this.text.indexOf("*/", this.position + 2);
      this.position = end === -1 ? this.text.length : end + 2;
      return true;
    }
    return false;
  }

  private identifier(): string {
    const start = this.position;
    while (this.position < this.text.length && IDENTIFIER_PART.test(this.peek())) this.advance(1);
    return this.text.slice(start, this.position);
  }

  /** A quoted string's value; the scanner moves past it. Template literals are skipped whole, `${}` included. */
  private skipString(): string {
    const quote = this.peek();
    this.advance(1);
    let value = "";
    let depth = 0;
    while (this.position < this.text.length) {
      const char = this.peek();
      if (char === "\\") {
        value += this.peek(1);
        this.advance(2);
        continue;
      }
      if (quote === "`" && char === "$" && this.peek(1) === "{") depth++;
      else if (quote === "`" && depth > 0 && char === "}") depth--;
      else if (char === quote && depth === 0) {
        this.advance(1);
        return value;
      } else if (char === "\n" && quote !== "`") break;
      value += char;
      this.advance(1);
    }
    return value;
  }

  /**
   * The keys of the object literal at the scanner, in order; undefined when one is not a plain
   * name or string (a spread, a computed key) or the object does not end.
   */
  objectKeys(): string[] | undefined {
    this.advance(1);
    const keys: string[] = [];
    for (;;) {
      this.skipSpace();
      const char = this.peek();
      if (char === "}") {
        this.advance(1);
        return keys;
      }
      let key: string;
      if (char === '"' || char === "'") key = this.skipString();
      else if (IDENTIFIER_START.test(char) || /\d/.test(char)) key = this.identifier() || this.number();
      else return undefined;
      this.skipSpace();
      const next = this.peek();
      if (next === ":" || next === "(") {
        // A value, or a method's parameters and body: skipped to the comma or brace that ends it.
        if (!this.skipValue()) return undefined;
      } else if (next !== "," && next !== "}") return undefined;
      keys.push(key);
      this.skipSpace();
      if (this.peek() === ",") this.advance(1);
    }
  }

  private number(): string {
    const start = this.position;
    while (this.position < this.text.length && /[\d.]/.test(this.peek())) this.advance(1);
    return this.text.slice(start, this.position);
  }

  /** Moves to the `,` or `}` that ends a property's value; false when the text ends first. */
  private skipValue(): boolean {
    let depth = 0;
    while (this.position < this.text.length) {
      if (this.skipCommentOrString()) continue;
      const char = this.peek();
      if (char === "{" || char === "[" || char === "(") depth++;
      else if (char === "}" || char === "]" || char === ")") {
        if (depth === 0) return char === "}";
        depth--;
      } else if (char === "," && depth === 0) return true;
      this.advance(1);
    }
    return false;
  }
}
