import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown, gfmTableToMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import type { Processor } from "unified";

/** Which of the two parts a parser reads; both by default. */
export interface DocsSyntaxOptions {
  tables?: boolean;
  strikethrough?: boolean;
}

/**
 * The parts of GFM that documentation structure depends on: tables (compared by rows and columns)
 * and strikethrough (so `~~` is not read as text). Not the rest of remark-gfm: its autolink
 * literals walk every text node with find-and-replace, and with footnotes and task lists made the
 * parse half as slow again on Microsoft-Docs-like trees, for syntax that docs write as explicit
 * links and lists anyway.
 */
export function remarkDocsSyntax(this: Processor, options: DocsSyntaxOptions = {}): void {
  const { tables = true, strikethrough = true } = options;
  const data = this.data();
  if (tables) {
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  }
  if (strikethrough) {
    (data.micromarkExtensions ??= []).push(gfmStrikethrough());
    (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown());
  }
  // Only remark-stringify reads these: the same two parts, written back.
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmStrikethroughToMarkdown());
}

/**
 * Which parts a text can need. The table construct is tried at the start of every line; leaving
 * out what a text cannot hold parsed OpenTelemetry's pages (402 of 1,809 have a `|`) 4.6% faster. A table needs a
 * `|` in its head or delimiter row, or a delimiter cell with a `:` against a `-` (`a` over `:-`
 * is a one-column table); strikethrough needs a `~`. A text with neither parses to the same tree
 * without the part.
 */
export function docsSyntaxNeeded(text: string): Required<DocsSyntaxOptions> {
  return { tables: text.includes("|") || text.includes(":-") || text.includes("-:"), strikethrough: text.includes("~") };
}
