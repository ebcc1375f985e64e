import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { alignSections } from "../align/align.js";
import type { ParsedDocument, Section } from "../model/document.js";
import { frontMatterValue } from "../parse/front-matter.js";
import { remarkDocsSyntax } from "../parse/remark-docs-syntax.js";

/** What kind of content changed in a section. `formatting` alone never needs a translator. */
export type ChangeKind = "prose" | "code" | "link" | "image" | "table" | "formatting";

export interface SectionRef {
  anchor: string;
  title: string;
  level: number;
}

export interface ChangedSection extends SectionRef {
  /** The kinds of change, sorted; `["formatting"]` when only the Markdown spelling changed. */
  kinds: ChangeKind[];
  /** The section's text at the baseline and now, for diffs. */
  before: string;
  after: string;
}

export interface AddedSection extends SectionRef {
  text: string;
}

/** How the source changed between two versions, section by section. */
export interface SourceComparison {
  added: AddedSection[];
  /** Sections whose content changed, formatting-only ones included (see `needsTranslation`). */
  changed: ChangedSection[];
  removed: SectionRef[];
  /** Translatable front matter keys whose value changed. */
  frontMatter: string[];
}

// The syntax the parser reads, and no more: all of remark-gfm cost 40 more modules to load.
const stringifier = unified().use(remarkDocsSyntax).use(remarkStringify).freeze();

/**
 * Compares the source a translation was made from with the source now. Sections are matched as
 * translations are (by shared id, then order and level), so a renamed heading that kept its
 * anchor is a changed section, not a removed and an added one.
 */
export function compareSources(before: ParsedDocument, after: ParsedDocument, frontMatterKeys: readonly string[]): SourceComparison {
  const comparison: SourceComparison = { added: [], changed: [], removed: [], frontMatter: [] };
  for (const row of alignSections(before.sections, after.sections).rows) {
    const old = row.source === undefined ? undefined : before.sections[row.source];
    const now = row.translation === undefined ? undefined : after.sections[row.translation];
    if (old && now) {
      const beforeText = sectionText(before, old);
      const afterText = sectionText(after, now);
      if (beforeText === afterText) continue;
      comparison.changed.push({ ...ref(now), kinds: classifyChange(old, now), before: beforeText, after: afterText });
    } else if (now) {
      comparison.added.push({ ...ref(now), text: sectionText(after, now) });
    } else if (old) {
      comparison.removed.push(ref(old));
    }
  }
  for (const key of frontMatterKeys) {
    // Dots reach into maps (`banner.content`, `hero.tagline`), as Starlight's front matter nests them.
    if (JSON.stringify(frontMatterValue(before.frontMatter, key)) !== JSON.stringify(frontMatterValue(after.frontMatter, key))) comparison.frontMatter.push(key);
  }
  return comparison;
}

/** True when a translator has something to do: anything but formatting-only changes. */
export function needsTranslation(comparison: SourceComparison): boolean {
  return (
    comparison.added.length > 0 ||
    comparison.removed.length > 0 ||
    comparison.frontMatter.length > 0 ||
    comparison.changed.some((section) => !isFormattingOnly(section))
  );
}

export function isFormattingOnly(section: ChangedSection): boolean {
  return section.kinds.length === 1 && section.kinds[0] === "formatting";
}

/** The section's lines as written, heading included. */
export function sectionText(document: ParsedDocument, section: Section): string {
  return linesOf(document).slice(section.line - 1, section.endLine).join("\n");
}

/** A document's lines, split once however many of its sections are read. */
const LINES = new WeakMap<ParsedDocument, string[]>();

function linesOf(document: ParsedDocument): string[] {
  let lines = LINES.get(document);
  if (!lines) {
    lines = document.text.split("\n");
    LINES.set(document, lines);
  }
  return lines;
}

/**
 * Which kinds of content differ. Each kind is compared on what a reader gets (code text, link
 * targets, image sources, table cells, prose words); when none differs but the normalised
 * Markdown does, the change is still prose (emphasis, a list turned into a paragraph).
 */
export function classifyChange(before: Section, after: Section): ChangeKind[] {
  const old = features(before);
  const now = features(after);
  const kinds: ChangeKind[] = [];
  if (old.prose !== now.prose) kinds.push("prose");
  if (old.code !== now.code) kinds.push("code");
  if (old.links !== now.links) kinds.push("link");
  if (old.images !== now.images) kinds.push("image");
  if (old.tables !== now.tables) kinds.push("table");
  if (kinds.length > 0) return kinds.sort();
  // Stringifying is the expensive part: only needed when what readers get looks the same.
  return normalize(before) === normalize(after) ? ["formatting"] : ["prose"];
}

interface Features {
  prose: string;
  code: string;
  links: string;
  images: string;
  tables: string;
}

/** docfx writes images as `:::image source="…":::`, which Markdown sees as text. */
const DOCFX_IMAGE = /:::image[^:]*?\bsource="([^"]*)"/g;

function features(section: Section): Features {
  const root: Root = { type: "root", children: section.nodes };
  const code: string[] = [];
  const links: string[] = [];
  const images: string[] = [];
  const tables: string[] = [];
  const prose: string[] = [section.title];
  visit(root, (node) => {
    switch (node.type) {
      case "code":
      case "inlineCode":
        code.push(node.value);
        return "skip";
      case "link":
      case "definition":
        links.push(node.url);
        return undefined;
      case "image":
        images.push(node.url);
        return undefined;
      case "table":
        tables.push(collapse(toString(node)));
        return "skip";
      case "text":
        for (const match of node.value.matchAll(DOCFX_IMAGE)) images.push(match[1] ?? "");
        prose.push(node.value.replace(DOCFX_IMAGE, ""));
        return undefined;
      case "html":
        for (const match of node.value.matchAll(DOCFX_IMAGE)) images.push(match[1] ?? "");
        return undefined;
      default:
        return undefined;
    }
  });
  return {
    prose: collapse(prose.join(" ")),
    code: code.join("\n\u0000"),
    links: links.join("\n"),
    images: images.join("\n"),
    tables: tables.join("\n"),
  };
}

/**
 * The section as remark-stringify writes it, with the whitespace in prose collapsed: rewrapped
 * lines, `*` versus `-` bullets, `__` versus `**` all read the same. Code keeps its whitespace.
 */
function normalize(section: Section): string {
  const root: Root = { type: "root", children: section.nodes.map(withoutPositions) };
  visit(root, "text", (node) => {
    node.value = collapse(node.value);
  });
  return `${section.level} ${section.title}\n${stringifier.stringify(root).trim()}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function withoutPositions(node: RootContent): RootContent {
  return stripPosition(node);
}

function stripPosition<T extends object>(node: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "position") continue;
    copy[key] = Array.isArray(value) ? value.map((child) => (child && typeof child === "object" ? stripPosition(child) : child)) : value && typeof value === "object" ? stripPosition(value) : value;
  }
  return copy as T;
}

function ref(section: Section): SectionRef {
  return { anchor: section.anchor, title: section.title, level: section.level };
}
