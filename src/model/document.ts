import type { Root, RootContent } from "mdast";

/** A heading and everything up to the next heading of any level. */
export interface Section {
  /** Position in the document's section list, 0-based. */
  index: number;
  /** 1–6; 0 for the preamble before the first heading. */
  level: number;
  /** Heading text as a reader sees it, anchors and `{#id}` removed. */
  title: string;
  /**
   * Every id that reaches this section: explicit `<a name>`/`<a id>`, `{#id}`, then the GitHub slug
   * of the title. All are aliases for alignment.
   */
  ids: string[];
  /** The ids written into the heading (`<a name>`, `{#id}`), which translations keep. */
  explicitIds: string[];
  /** The id links should use: the first explicit one, else the slug. */
  anchor: string;
  /** 1-based line of the heading in the original file. */
  line: number;
  column: number;
  /** Last line that belongs to the section (before the next heading), 1-based. */
  endLine: number;
  /** Index of the enclosing section (by heading level), or -1. */
  parent: number;
  /** Block nodes between this heading and the next, positions in original-file lines. */
  nodes: RootContent[];
  /**
   * The URL of each reference definition (`[x]: https://…`) this section's `[text][x]` links use,
   * by normalised label: definitions sit anywhere in the document (often all at its end), but a
   * link belongs to the section a reader clicks it in.
   */
  definitions?: Record<string, string>;
}

export interface ProblemAt {
  /** Rule id the problem belongs to (`parse-error`, `encoding`, …). */
  ruleId: string;
  message: string;
  line?: number;
  column?: number;
  data?: Record<string, unknown>;
}

/** A Markdown file as parsed once; plain data, so it can be cached and sent between threads. */
export interface ParsedDocument {
  /** Path relative to the tree root, `/` separators. */
  file: string;
  /** Lines taken by front matter, delimiters included; body line N is file line N + offset. */
  frontMatterLines: number;
  /** Front matter as a plain object; empty when absent or unusable. */
  frontMatter: Record<string, unknown>;
  /** Lines of the front matter keys, for pointing at them. */
  frontMatterKeyLines: Record<string, number>;
  sections: Section[];
  /** Problems found while reading or parsing; the document may still be partly usable. */
  problems: ProblemAt[];
  /** False when the file could not be parsed at all (unreadable, binary, too large). */
  usable: boolean;
  /** SHA-256 of the raw bytes, for caches and fingerprints; empty when the file was not read. */
  contentHash: string;
  /** The raw text, kept for rules that look at characters (encoding) and for diffs. */
  text: string;
}

export type { Root };
