import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown, gfmTableToMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import type { Processor } from "unified";

/**
 * The parts of GFM that documentation structure depends on: tables (compared by rows and columns)
 * and strikethrough (so `~~` is not read as text). Not the rest of remark-gfm: its autolink
 * literals walk every text node with find-and-replace, and with footnotes and task lists made the
 * parse half as slow again on Microsoft-Docs-like trees, for syntax that docs write as explicit
 * links and lists anyway.
 */
export function remarkDocsSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
  // Only remark-stringify reads these: the same two parts, written back.
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmStrikethroughToMarkdown());
}
