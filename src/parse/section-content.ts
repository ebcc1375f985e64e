import type { Nodes, Parent, RootContent, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { ParsedDocument, Section } from "../model/document.js";

/** A place in the original file. */
export interface At {
  line: number;
  column: number;
}

export interface CodeBlock extends At {
  /** Whitespace-normalised lines, blank lines dropped. */
  lines: string[];
  /** The same without comment lines, which translators may translate. */
  codeLines: string[];
  /** The fence's language, lowercased (`sh`, `mdx`), or empty. */
  language: string;
}

export interface LinkTarget extends At {
  /** The target as written. */
  url: string;
}

export interface ImageRef extends At {
  /** The image source as written. */
  url: string;
  syntax: "markdown" | "docfx" | "html";
}

export interface TableShape extends At {
  rows: number;
  columns: number;
}

export interface ListShape extends At {
  items: number;
  /** 1 for a flat list, 2 when some item holds a list, and so on. */
  depth: number;
}

export type CalloutKind = "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION";

export interface Callout extends At {
  kind: CalloutKind;
}

export interface Include extends At {
  path: string;
}

/**
 * What a section carries besides prose: code, link targets, images and the shape of its
 * blocks. Translators leave all of it alone, so it can be compared across languages.
 */
export interface SectionContent {
  code: CodeBlock[];
  links: LinkTarget[];
  images: ImageRef[];
  tables: TableShape[];
  lists: ListShape[];
  callouts: Callout[];
  includes: Include[];
  /** Ids that HTML in the section defines (`<a name>`, `id="…"`), for same-page links. */
  htmlIds: string[];
  /** Inline code spans, trimmed: names and commands translators keep. */
  inlineCode: string[];
  /** Numbers of two digits or more in the prose, digits only (`1,000` and `1.000` read alike): cheap evidence for alignment. */
  numbers: string[];
  /** The prose a reader reads: no code, URLs, inline code or markup. */
  prose: string;
  /** The prose without the text of links: a list of talks keeps their titles as published. */
  proseOutsideLinks: string;
}

/** A paragraph of MDX module statements: `import { Tabs } from '@astrojs/starlight/components';`. */
const MDX_ESM = /^(?:import\s[^\n]*\sfrom\s*['"][^'"\n]+['"];?|import\s*['"][^'"\n]+['"];?|export\s+(?:const|let|function|default)\s[^\n]*)(?:\n(?:import|export)\s[^\n]*)*$/;
const CALLOUT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;
/** docfx `[!INCLUDE [title](path)]`: the text before the link opens it. */
const INCLUDE_OPENING = /\[!include\s*$/i;
/** docfx `:::image type="content" source="…" alt-text="…":::`, possibly across lines. */
const DOCFX_IMAGE = /:::image\s[\s\S]*?:::/gi;
const DOCFX_SOURCE = /\bsource\s*=\s*"([^"]*)"/i;
const HTML_IMAGE = /<img\s[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const HTML_ID = /<[a-z][^>]*?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** Full-line comments in the languages Docs articles show: shell, PowerShell, C-like, SQL, batch, XML. */
const COMMENT_LINE = /^(?:#|\/\/|--|\/\*|\*|<!--|rem\s|::|;)/i;
/** docfx markers and block extensions that are syntax, not prose. */
const DOCFX_MARKUP = /\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|INCLUDE|div|VIDEO)[^\]]*\]|:::[\s\S]*?:::|:::[a-z-]*/gi;

/** Digits with thousands or decimal separators of any locale. */
const NUMBER = /\d+(?:[.,\u00a0\u202f]\d+)*/g;

const cache = new WeakMap<Section, SectionContent>();

/** The section's content (code, links, images, tables…), computed once per section and shared by every rule. */
export function sectionContent(section: Section): SectionContent {
  let content = cache.get(section);
  if (content === undefined) {
    content = computeSectionContent(section.nodes, section.definitions);
    cache.set(section, content);
  }
  return content;
}

function computeSectionContent(nodes: readonly RootContent[], definitions: Readonly<Record<string, string>> | undefined): SectionContent {
  const content: SectionContent = { code: [], links: [], images: [], tables: [], lists: [], callouts: [], includes: [], htmlIds: [], inlineCode: [], numbers: [], prose: "", proseOutsideLinks: "" };
  const prose: string[] = [];
  const outsideLinks: string[] = [];
  for (const block of nodes) {
    visit(block as Nodes, (node, index, parent) => {
      const at = place(node);
      switch (node.type) {
        case "code":
          content.code.push({ ...at, ...codeLines(node.value), language: (node.lang ?? "").toLowerCase() });
          return "skip";
        case "link":
          if (isInclude(parent, index)) content.includes.push({ ...at, path: node.url });
          else content.links.push({ ...at, url: node.url });
          return undefined;
        case "definition":
          // Counted where it is used (`linkReference`), not where it is written.
          return "skip";
        case "linkReference": {
          const url = definitions?.[node.identifier];
          if (url !== undefined) content.links.push({ ...at, url });
          return undefined;
        }
        case "image":
          content.images.push({ ...at, url: node.url, syntax: "markdown" });
          return "skip";
        case "table":
          content.tables.push({ ...at, rows: node.children.length, columns: Math.max(0, ...node.children.map((row) => row.children.length)) });
          return undefined;
        case "list":
          if (!isInside(parent, "listItem")) content.lists.push({ ...at, items: node.children.length, depth: listDepth(node) });
          return undefined;
        case "blockquote": {
          const kind = calloutKind(node);
          if (kind !== undefined) content.callouts.push({ ...at, kind });
          return undefined;
        }
        case "html":
          collectHtml(node.value, at, content);
          return "skip";
        case "paragraph":
          // MDX's `import X from '…'` and `export const …` lines are code, not prose.
          return MDX_ESM.test(toString(node)) ? "skip" : undefined;
        case "text":
          collectDocfxImages(node, content);
          prose.push(node.value);
          if (parent?.type !== "link" && parent?.type !== "linkReference") outsideLinks.push(node.value);
          return undefined;
        case "inlineCode":
          content.inlineCode.push(node.value.trim());
          return "skip";
        default:
          return undefined;
      }
    });
  }
  content.prose = prose.join(" ").replace(DOCFX_MARKUP, " ").replace(/\s+/g, " ").trim();
  content.proseOutsideLinks = outsideLinks.join(" ").replace(DOCFX_MARKUP, " ").replace(/\s+/g, " ").trim();
  content.numbers = [...content.prose.matchAll(NUMBER)].map((match) => match[0].replace(/\D/g, "")).filter((digits) => digits.length >= 2);
  return content;
}

/** Every id a link `#x` into this document can reach: section ids and HTML ids. */
export function documentIds(document: ParsedDocument): Set<string> {
  const ids = new Set<string>();
  for (const section of document.sections) {
    for (const id of section.ids) ids.add(id);
    for (const id of sectionContent(section).htmlIds) ids.add(id);
  }
  return ids;
}

function place(node: Nodes): At {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function codeLines(value: string): { lines: string[]; codeLines: string[] } {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line !== "");
  return { lines, codeLines: lines.filter((line) => !COMMENT_LINE.test(line)) };
}

function isInclude(parent: Parent | undefined, index: number | undefined): boolean {
  if (parent === undefined || index === undefined || index === 0) return false;
  const previous = parent.children[index - 1];
  return previous?.type === "text" && INCLUDE_OPENING.test(previous.value);
}

function isInside(parent: Parent | undefined, type: string): boolean {
  return parent?.type === type;
}

function listDepth(list: Parent): number {
  let deepest = 0;
  visit(list as Nodes, "list", (inner) => {
    if (inner === list) return;
    deepest = Math.max(deepest, listDepth(inner));
    return "skip";
  });
  return deepest + 1;
}

function calloutKind(blockquote: Parent): CalloutKind | undefined {
  const first = blockquote.children[0];
  if (first?.type !== "paragraph") return undefined;
  const match = CALLOUT.exec(toString(first).trimStart());
  return match ? (match[1]!.toUpperCase() as CalloutKind) : undefined;
}

function collectHtml(value: string, at: At, content: SectionContent): void {
  for (const match of value.matchAll(HTML_IMAGE)) {
    content.images.push({ ...offsetPlace(value, match.index, at), url: match[1] ?? match[2] ?? "", syntax: "html" });
  }
  for (const match of value.matchAll(HTML_ID)) {
    const id = (match[1] ?? match[2] ?? "").trim();
    if (id !== "") content.htmlIds.push(id);
  }
}

function collectDocfxImages(node: Text, content: SectionContent): void {
  for (const match of node.value.matchAll(DOCFX_IMAGE)) {
    const source = DOCFX_SOURCE.exec(match[0])?.[1];
    if (source !== undefined) content.images.push({ ...offsetPlace(node.value, match.index, place(node)), url: source, syntax: "docfx" });
  }
}

/** The file place of `offset` within a node's value that starts at `start`. */
function offsetPlace(value: string, offset: number, start: At): At {
  const before = value.slice(0, offset);
  const newline = before.lastIndexOf("\n");
  if (newline === -1) return { line: start.line, column: start.column + offset };
  return { line: start.line + before.split("\n").length - 1, column: offset - newline };
}
