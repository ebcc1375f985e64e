import path from "node:path";
import type { Section } from "../../model/document.js";
import { decodePercent, hasScheme } from "../../util/url.js";
import type { SectionPairView } from "./compare.js";

export { pairLocales } from "../../parse/links.js";

/** `en-us`, `de-de`, `zh-cn`, `zh-hans`, `sr-latn-rs`: a path segment that names a locale. */
const LOCALE_SEGMENT = /^[a-z]{2}(?:-[a-z]{2,4}){1,2}$/i;
/** Query parameters that name the reader's language. */
const LOCALE_PARAMETERS = ["lang", "language", "locale", "ui-locales", "ui_locales"];

/**
 * A link target in a form both languages share: the locale of a localised site removed
 * (`/en-us/azure/x` and `/de-de/azure/x` are `/azure/x`, as the site serves them; `?lang=` is
 * dropped), scheme and host lowercased, a leading `./` dropped. Other query parameters
 * (`view=…`) are content and stay.
 */
export function neutralTarget(url: string, locales: ReadonlySet<string> = NO_LOCALES): string {
  const trimmed = url.trim();
  if (trimmed.startsWith("/")) return withoutLocaleSegment(trimmed, locales);
  if (!hasScheme(trimmed)) return trimmed.replace(/^\.\//, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return trimmed;
  for (const parameter of LOCALE_PARAMETERS) parsed.searchParams.delete(parameter);
  const query = parsed.searchParams.toString();
  return `${parsed.protocol}//${withoutLocaleLabel(parsed.host.toLowerCase(), locales)}${withoutLocaleSegment(parsed.pathname, locales)}${query === "" ? "" : `?${query}`}${parsed.hash}`;
}

/**
 * `de.vite.dev` and `en.wikipedia.org` → `vite.dev`, `wikipedia.org`: sites that serve each
 * language under its own subdomain; only a first label that is one of the pair's locales (or a
 * region-tagged code) counts, and only where a registrable name remains.
 */
function withoutLocaleLabel(host: string, locales: ReadonlySet<string>): string {
  const labels = host.split(".");
  const first = labels[0]!;
  if (labels.length < 3 || !(LOCALE_SEGMENT.test(first) || locales.has(first))) return host;
  return labels.slice(1).join(".");
}

/** Whether a URL names a language in its host or first path segment (`de.wikipedia.org`, `/ko/docs/…`). */
export function isLocalisedUrl(url: string, locales: ReadonlySet<string>): boolean {
  return hasScheme(url.trim()) && neutralTarget(url, locales).split("#")[0] !== neutralTarget(url).split("#")[0];
}

const NO_LOCALES: ReadonlySet<string> = new Set();

/** `/de-de/azure/x` → `/azure/x`: only a first path segment is a site's locale. */
function withoutLocaleSegment(pathname: string, locales: ReadonlySet<string>): string {
  const segments = pathname.split("/");
  const first = segments[1]?.split(/[?#]/)[0];
  if (first !== undefined && (LOCALE_SEGMENT.test(first) || locales.has(first.toLowerCase()))) segments.splice(1, 1);
  return segments.join("/");
}

/**
 * The article a target reaches, when it is one of this tree's articles: a relative `.md` path,
 * or a URL under one of `publishedAt`, the URLs the articles are published under (the
 * `articles/` folder of Azure's docs is `https://learn.microsoft.com/azure/`). Undefined for
 * anything else. `expressroute-bfd.md` in `expressroute/x.md` and
 * `https://docs.microsoft.com/azure/expressroute/expressroute-bfd` are both
 * `expressroute/expressroute-bfd`.
 */
export function articleTarget(neutral: string, article: string, publishedAt: readonly string[]): string | undefined {
  const hash = neutral.indexOf("#");
  const [target, fragment] = hash === -1 ? [neutral, ""] : [neutral.slice(0, hash), neutral.slice(hash)];
  for (const prefix of publishedAt) {
    const base = neutralTarget(prefix);
    if (target.startsWith(base)) return `${target.slice(base.length).replace(/\/$/, "")}${fragment}`;
  }
  if (hasScheme(target) || target.startsWith("/") || !target.toLowerCase().endsWith(".md")) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(article), decodePercent(target)));
  return `${resolved.slice(0, -3)}${fragment}`;
}

/**
 * The key of a link target for comparison across languages. A same-page fragment is resolved to
 * the translation section it reaches, so `#next-steps` in English and `#nächste-schritte` in
 * German are the same target when those sections are aligned.
 */
export function targetKey(url: string, view: SectionPairView, side: "source" | "translation", locales: ReadonlySet<string> = NO_LOCALES): string {
  if (!url.startsWith("#")) return neutralTarget(url, locales);
  const id = decodePercent(url.slice(1));
  const document = side === "source" ? view.sourceDocument : view.translationDocument;
  const section = document.sections.find((candidate) => candidate.ids.includes(id));
  let reached: Section | undefined = section && (side === "source" ? view.translated(section.index) : section);
  if (reached === undefined && side === "translation") {
    // A translated link that kept the English anchor where the heading lost it: it means the
    // same section (broken-anchor reports that it reaches nothing), not another link.
    const inSource = view.sourceDocument.sections.find((candidate) => candidate.ids.includes(id));
    reached = inSource && view.translated(inSource.index);
  }
  return reached === undefined ? url : `#§${reached.index}`;
}
