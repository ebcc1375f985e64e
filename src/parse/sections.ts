import GithubSlugger from "github-slugger";
import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Section } from "../model/document.js";
import { unique } from "../util/text.js";

/** `<a name="x">`, `<a id='x'>`: the docfx and Microsoft Docs way to pin an anchor. */
const HTML_ANCHOR = /<a\s[^>]*?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** A trailing `{#id}` heading attribute (Hugo, Docusaurus, kramdown, Pandoc). */
const ID_ATTRIBUTE = /\s*\{#([^\s{}]+)\}\s*$/;
/**
 * A trailing attribute list of Hugo (goldmark) and kramdown: `{.notranslate lang=en}`,
 * `{#localization .notranslate lang=en}`. Markup, not title text; its `#id` is the heading's id.
 */
const ATTRIBUTE_LIST = /\s*\{((?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+))(?:\s+(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+)))*)\}\s*$/;

/**
 * Splits a document into sections, one per heading, plus a preamble (level 0) when content comes
 * before the first heading. Nesting is recorded through `parent`, by heading level.
 */
export function splitSections(tree: Root): Section[] {
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  const openByLevel: number[] = []; // section index of the innermost open heading per level

  for (const child of tree.children) {
    const node = shortcodeHeading(child) ?? child;
    if (node.type === "heading") {
      const { title, explicitIds } = headingIdentity(node);
      const slug = slugger.slug(title);
      const ids = unique([...explicitIds, slug].filter((id) => id !== ""));
      let parent = -1;
      for (let level = node.depth - 1; level >= 1; level--) {
        const open = openByLevel[level];
        if (open !== undefined) {
          parent = open;
          break;
        }
      }
      openByLevel.length = node.depth;
      openByLevel[node.depth] = sections.length;
      sections.push({
        index: sections.length,
        level: node.depth,
        title,
        ids,
        explicitIds,
        anchor: ids[0] ?? "",
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        endLine: node.position?.end.line ?? 1,
        parent,
        nodes: [],
      });
      continue;
    }
    let current = sections.at(-1);
    if (current === undefined) {
      current = preamble(node);
      sections.push(current);
    }
    current.nodes.push(node);
    current.endLine = Math.max(current.endLine, node.position?.end.line ?? current.endLine);
  }
  attachDefinitions(tree, sections);
  return sections;
}

/** Gives each section the definitions its references use (the first definition of a label wins, as in CommonMark). */
function attachDefinitions(tree: Root, sections: Section[]): void {
  const urls = new Map<string, string>();
  walk(tree.children, (node) => {
    if (node.type === "definition" && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
  });
  if (urls.size === 0) return;
  for (const section of sections) {
    walk(section.nodes, (node) => {
      if (node.type !== "linkReference") return;
      const url = urls.get(node.identifier);
      if (url === undefined) return;
      section.definitions ??= Object.create(null) as Record<string, string>;
      section.definitions[node.identifier] = url;
    });
  }
}

/**
 * Every node under `nodes`, with an explicit stack: a document may nest emphasis or lists
 * thousands deep, which a recursive visit would overflow.
 */
function walk(nodes: readonly RootContent[], each: (node: RootContent) => void): void {
  const stack: RootContent[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    each(node);
    if ("children" in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as RootContent);
  }
}

function preamble(first: RootContent): Section {
  const line = first.position?.start.line ?? 1;
  return { index: 0, level: 0, title: "", ids: [], explicitIds: [], anchor: "", line, column: 1, endLine: line, parent: -1, nodes: [] };
}

/**
 * Hugo sites (Kubernetes) write some headings as shortcodes whose text each language's site
 * translates: `## {{% heading "whatsnext" %}}`, or in older pages a bare `{{% whatsnext-heading %}}`
 * line that renders a level-2 heading. Both are the section `whatsnext` in every language, so a
 * translation's `## {{% heading "whatsnext" %}}` and the English bare line align. Recognised in any
 * layout: the `{{% … %}}` syntax is Hugo's alone.
 */
const HEADING_SHORTCODE = /^\{\{([%<])\s*heading\s+"([\w-]+)"\s*[%>]\}\}$/;
const BARE_HEADING_SHORTCODE = /^\{\{([%<])\s*([\w]+)-heading\s*[%>]\}\}$/;

/** A paragraph that is only a heading shortcode, as the level-2 heading it renders. */
function shortcodeHeading(node: RootContent): Heading | undefined {
  if (node.type !== "paragraph" || node.children.length !== 1 || node.children[0]!.type !== "text") return undefined;
  const match = BARE_HEADING_SHORTCODE.exec(node.children[0]!.value.trim());
  if (match === null) return undefined;
  return { type: "heading", depth: 2, children: [{ type: "text", value: node.children[0]!.value.trim() }], ...(node.position && { position: node.position }) };
}

/** The heading's reader-visible title and the ids written into it. */
export function headingIdentity(heading: Heading): { title: string; explicitIds: string[] } {
  const explicitIds: string[] = [];
  let title = "";
  for (const child of heading.children) {
    if (child.type === "html") {
      for (const match of child.value.matchAll(HTML_ANCHOR)) {
        const id = (match[1] ?? match[2] ?? "").trim();
        if (id !== "") explicitIds.push(id);
      }
      continue;
    }
    title += phrasingText(child);
  }
  const attribute = ID_ATTRIBUTE.exec(title);
  if (attribute?.[1] !== undefined) {
    explicitIds.push(attribute[1]);
    title = title.slice(0, attribute.index);
  } else {
    const list = ATTRIBUTE_LIST.exec(title);
    if (list?.[1] !== undefined) {
      const id = list[1].split(/\s+/).find((token) => token.startsWith("#"));
      if (id !== undefined && id.length > 1) explicitIds.push(id.slice(1));
      title = title.slice(0, list.index);
    }
  }
  const shortcode = HEADING_SHORTCODE.exec(title.trim()) ?? BARE_HEADING_SHORTCODE.exec(title.trim());
  if (shortcode?.[2] !== undefined) explicitIds.push(shortcode[2]);
  return { title: title.replace(/\s+/g, " ").trim(), explicitIds };
}

/** Iterative, so that no depth of nested emphasis or links can overflow the stack. */
function phrasingText(root: PhrasingContent): string {
  let text = "";
  const pending: PhrasingContent[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    // Inline HTML inside emphasis or links is markup, not title text.
    if (node.type === "html") continue;
    if ("children" in node) {
      for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as PhrasingContent);
      continue;
    }
    text += toString(node);
  }
  return text;
}
