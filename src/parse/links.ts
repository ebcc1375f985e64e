import path from "node:path";
import { decodePercent, hasScheme } from "../util/url.js";

/** A link into another Markdown file of the tree at a fragment: `other.md#x`. */
export interface FragmentLink {
  /** The linked file, relative to the tree root, `/` separators. */
  file: string;
  /** The fragment, percent-decoded. */
  id: string;
}

/**
 * Where `url`, written in `fromFile`, points when it is a relative link to another Markdown file
 * with a fragment; undefined for anything else (same-page `#x`, absolute URLs, site-root paths,
 * links that leave the tree).
 */
export function fragmentLink(url: string, fromFile: string): FragmentLink | undefined {
  const hash = url.indexOf("#");
  if (hash <= 0 || hasScheme(url) || url.startsWith("/")) return undefined;
  const target = url.slice(0, hash).split("?")[0]!;
  if (!target.toLowerCase().endsWith(".md")) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decodePercent(target)));
  if (file.startsWith("../") || file === fromFile) return undefined;
  return { file, id: decodePercent(url.slice(hash + 1)) };
}

/** A link to a page of the site by URL path, as `pagePath` gives it. */
export interface PageLink {
  /** The page's URL path, no locale segment, no leading or trailing `/`: `guides/authoring-content`. */
  page: string;
  /** The fragment, percent-decoded; empty when there is none. */
  id: string;
}

const URL_BASE = "http://page.invalid";

/**
 * The page a site-absolute (`/de/guides/x/#y`, `/docs/concepts/x/`) or relative URL path
 * (`../concepts/x/`) reaches, for sites that serve each article at its path without extension
 * (Starlight, Docusaurus, Hugo): `guides/x.mdx` and `guides/x/index.md` are `/guides/x/`. A first
 * segment naming one of `locales` is the site's locale prefix and is dropped. Relative paths are
 * resolved against the URL of `article` (relative to its source or locale folder). Undefined for
 * URLs with a scheme, same-page fragments and `.md` paths (`fragmentLink` reads those).
 */
export function pagePath(url: string, article: string, locales: ReadonlySet<string>): PageLink | undefined {
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("//") || hasScheme(trimmed)) return undefined;
  const hash = trimmed.indexOf("#");
  const target = (hash === -1 ? trimmed : trimmed.slice(0, hash)).split("?")[0]!;
  if (/\.mdx?$/i.test(target)) return undefined;
  let resolved: string;
  try {
    resolved = new URL(target, `${URL_BASE}${pageUrlOf(article)}`).pathname;
  } catch {
    return undefined;
  }
  const segments = decodePercent(resolved).split("/").filter((segment) => segment !== "");
  if (trimmed.startsWith("/") && segments.length > 0 && locales.has(segments[0]!.toLowerCase())) segments.shift();
  return { page: segments.join("/"), id: hash === -1 ? "" : decodePercent(trimmed.slice(hash + 1)) };
}

/** `guides/x.mdx` → `/guides/x/`; `guides/index.md` and `guides/_index.md` → `/guides/`. */
export function pageUrlOf(article: string): string {
  const withoutExtension = article.replace(/\.[^./]+$/, "");
  const page = withoutExtension.replace(/(?:^|\/)_?index$/, "");
  return page === "" ? "/" : `/${page}/`;
}

/** The files that may hold the page at `page` (from `pagePath`), relative to a source or locale folder. */
export function pageFileCandidates(page: string): string[] {
  const base = page === "" ? "" : `${page}/`;
  return [...(page === "" ? [] : [`${page}.md`, `${page}.mdx`]), `${base}index.md`, `${base}index.mdx`, `${base}_index.md`];
}

/**
 * The locales a pair's links may name, lowercased: each side's tag and its language, so MDN's
 * `/en-US/docs/x` and `/de/docs/x` are one target. A bare language (`/de/`) is only taken for a
 * locale when it is one of these, since a two-letter segment may as well be a path (`/js/`).
 */
export function pairLocales(...tags: readonly string[]): Set<string> {
  const locales = new Set<string>();
  for (const tag of tags) {
    const lower = tag.toLowerCase().replace(/_/g, "-");
    locales.add(lower);
    locales.add(lower.split("-")[0]!);
  }
  return locales;
}

