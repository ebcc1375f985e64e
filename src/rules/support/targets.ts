import path from "node:path";
import type { Section } from "../../model/document.js";
import { decodePercent, hasScheme, neutralTarget, NO_LOCALES } from "../../util/url.js";
import type { SectionPairView } from "./compare.js";

export { pairLocales } from "../../parse/links.js";
export { isLocalisedUrl, neutralTarget } from "../../util/url.js";

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
