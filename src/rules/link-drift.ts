import type { FindingDraft } from "../model/finding.js";
import type { LinkedSections, Pair } from "../model/pair.js";
import { pagePath } from "../parse/links.js";
import type { Rule, RuleContext } from "../model/rule.js";
import { documentIds, type LinkTarget, sectionContent } from "../parse/section-content.js";
import { decodePercent } from "../util/url.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView } from "./support/compare.js";
import { describeSection } from "./support/sections.js";
import { articleTarget, isLocalisedUrl, neutralTarget, pairLocales, targetKey } from "./support/targets.js";

interface LinkDriftOptions extends Record<string, unknown> {
  /**
   * URL prefixes the source folder is published under: a link to an article by URL and by
   * relative path is the same target.
   */
  publishedAt: string[];
}

interface LinkDifference extends Difference {
  kind: "missing" | "extra" | "other-section" | "source-unresolved";
  /** The target as the side that has it writes it (the translation's, for `other-section`). */
  target: string;
  link: LinkTarget;
  /** For `other-section`: the source's link to the same page; for `source-unresolved`, the source's link that reaches no section. */
  sourceLink?: LinkTarget;
}

/**
 * Link targets are not translated: the set of targets (URL or path plus fragment) of a section
 * must equal the source's, once the locale of a localised site is neutralised.
 */
export const linkDrift: Rule<LinkDriftOptions> = {
  id: "link-drift",
  severity: "warning",
  description: "A translated section lacks a link target of the source's section, or links somewhere the source does not.",
  rationale:
    "Links are not translated. A link the translation lost sends its readers nowhere the source sends them; one it added (often to a page the source has since dropped) may lead to retired content. Locale segments (`/en-us/` and `/de-de/`) count as the same target.",
  messages: {
    missing: "{section} has no link to `{target}`; expected one, as in the source.{sinceNote}",
    extra: "The link to `{target}` in {section} is not in the source's section; expected the source's link targets.{sinceNote}",
    "other-section": "The link to `{target}` in {section} reaches the page the source links to, but not the same section (the source links `{sourceTarget}`); expected the source's section, the page is right.{sinceNote}",
    "source-unresolved": "The link to `{target}` in {section} reaches a section of this page where the source's `{sourceTarget}` reaches none; the translation's link works, the source's needs fixing.{sinceNote}",
  },
  messageSeverity: { "other-section": "info", "source-unresolved": "info" },
  options: { publishedAt: ["https://learn.microsoft.com/azure/", "https://docs.microsoft.com/azure/", "/azure/"] },
  optionsSchema: {
    publishedAt: { type: "array", items: { type: "string", minLength: 1 }, description: "URL prefixes the source folder is published under: a link by URL and by relative path to one article is one target." },
  },
  examples: {
    bad: {
      source: "# Guide\n\n## Next steps\n\nSee [pricing](pricing.md).\n",
      translation: "# Anleitung\n\n## Next steps\n\nSiehe [Preise](prices-old.md).\n",
    },
    good: {
      source: "# Guide\n\n## Next steps\n\nSee [pricing](https://learn.microsoft.com/en-us/azure/pricing).\n",
      translation: "# Anleitung\n\n## Next steps\n\nSiehe [Preise](https://learn.microsoft.com/de-de/azure/pricing).\n",
    },
  },
  checkPair(pair: Pair, { options, sourceLocale }: RuleContext<LinkDriftOptions>): FindingDraft[] {
    const locales = pair.locales ?? pairLocales(sourceLocale, pair.locale);
    const linked = pair.linkedSections ?? {};
    return compareSections(pair, (view) => linkDifferences(view, options.publishedAt, locales, linked)).map((compared) => {
      const { view, difference } = compared;
      const data = { kind: difference.kind, target: difference.target, section: describeSection(view.translation) };
      if (difference.kind === "other-section" || difference.kind === "source-unresolved") {
        const related = { file: view.sourceDocument.file, line: difference.sourceLink!.line, column: difference.sourceLink!.column, message: "The link in the source." };
        return differenceFinding(compared, difference.link, difference.kind, { ...data, sourceTarget: difference.sourceLink!.url }, related);
      }
      if (difference.kind === "missing") {
        const related = { file: view.sourceDocument.file, line: difference.link.line, column: difference.link.column, message: "The link in the source." };
        return differenceFinding(compared, { line: view.translation.line, column: view.translation.column }, "missing", data, related);
      }
      return differenceFinding(compared, difference.link, "extra", data);
    });
  },
};

function linkDifferences(view: SectionPairView, publishedAt: readonly string[], locales: ReadonlySet<string>, linked: Readonly<Record<string, LinkedSections>>): LinkDifference[] {
  const sourceTargets = keyed(sectionContent(view.source).links, view, "source", publishedAt, locales, linked);
  const translationTargets = keyed(sectionContent(view.translation).links, view, "translation", publishedAt, locales, linked);
  const missing = [...sourceTargets].filter(([target]) => !translationTargets.has(target));
  const extra = [...translationTargets].filter(([target]) => !sourceTargets.has(target));
  // A translator who links the same site's page in their language (`de.wikipedia.org/wiki/Andromeda_(Sternbild)`
  // for `en.wikipedia.org/wiki/Andromeda_(constellation)`) has done it right: such a link stands for
  // one source link to the same site in the section, whose page names differ by language.
  const paired = new Set<string>();
  for (const [target, link] of extra) {
    if (!isLocalisedUrl(link.url, locales)) continue;
    const site = siteOf(target);
    const match = missing.find(([candidate]) => !paired.has(candidate) && siteOf(candidate) === site);
    if (match === undefined) continue;
    paired.add(match[0]);
    paired.add(target);
  }
  // A link to the same page whose fragment reaches another section, or none: the reader lands on
  // the right page, a section away (the translation links the page, the source its `#plugins`).
  const differences: LinkDifference[] = [];
  for (const [target, link] of extra) {
    if (paired.has(target)) continue;
    const page = pageOf(target);
    // A link within the page: another section is another target, unless the source's link reaches
    // nothing (`#stagger` where the heading's id is `stagger-cards`) and the translator linked a section.
    const match =
      page === ""
        ? target.startsWith("#§")
          ? missing.find(([candidate]) => !paired.has(candidate) && candidate.startsWith("#") && !candidate.startsWith("#§") && !sourceIds(view).has(decodePercent(candidate.slice(1))))
          : undefined
        : missing.find(([candidate]) => !paired.has(candidate) && pageOf(candidate) === page);
    if (match === undefined) continue;
    paired.add(match[0]);
    paired.add(target);
    const kind = page === "" ? "source-unresolved" : "other-section";
    differences.push({ key: `${kind}:${match[0]}`, kind, target: link.url, link, sourceLink: match[1] });
  }
  for (const [target, link] of missing) if (!paired.has(target)) differences.push({ key: `missing:${target}`, kind: "missing", target: link.url, link });
  for (const [target, link] of extra) if (!paired.has(target)) differences.push({ key: `extra:${target}`, kind: "extra", target: link.url, link });
  return differences;
}

const idsOfDocument = new WeakMap<SectionPairView["sourceDocument"], Set<string>>();

/** Every id the source document defines, once per document. */
function sourceIds(view: SectionPairView): Set<string> {
  let ids = idsOfDocument.get(view.sourceDocument);
  if (ids === undefined) idsOfDocument.set(view.sourceDocument, (ids = documentIds(view.sourceDocument)));
  return ids;
}

/** A target key without its fragment: the page it reaches. */
function pageOf(target: string): string {
  const hash = target.indexOf("#");
  return (hash === -1 ? target : target.slice(0, hash)).replace(/\/$/, "");
}

/** `https://wikipedia.org` of a neutral absolute target; the target itself otherwise. */
function siteOf(target: string): string {
  const match = /^(https?:\/\/[^/#?]+)/i.exec(target);
  return match ? match[1]!.toLowerCase() : target;
}

/**
 * Each target once, with its first link; an article reached by URL or by path is one target, and
 * so is a page reached by a relative or a site-absolute URL path (`../x/`, `/docs/x/`), its
 * fragment read as the source section it stands for when the engine aligned the linked page.
 */
function keyed(
  links: readonly LinkTarget[],
  view: SectionPairView,
  side: "source" | "translation",
  publishedAt: readonly string[],
  locales: ReadonlySet<string>,
  linked: Readonly<Record<string, LinkedSections>>,
): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const link of links) {
    const neutral = targetKey(link.url, view, side, locales);
    const article = articleTarget(neutral, view.article, publishedAt) ?? pageTarget(link.url, view.article, side, locales, linked);
    const key = article === undefined ? localisedSiteKey(link.url, neutral) : (samePageKey(article, link.url, view, side, locales) ?? `article:${article}`);
    if (!targets.has(key)) targets.set(key, link);
  }
  return targets;
}

/**
 * A link to this very page by path (`/reference/configuration/#docsloader` in
 * `reference/configuration.mdx`) reaches what `#docsloader` does: keyed as the same-page link.
 */
function samePageKey(article: string, url: string, view: SectionPairView, side: "source" | "translation", locales: ReadonlySet<string>): string | undefined {
  const hash = article.indexOf("#");
  if (hash === -1) return undefined;
  const page = article.slice(0, hash).replace(/\/$/, "");
  const self = view.article.replace(/\.mdx?$/i, "");
  if (page !== self && `${page}/index` !== self) return undefined;
  const fragment = url.slice(url.indexOf("#"));
  return fragment.startsWith("#") && fragment.length > 1 ? targetKey(fragment, view, side, locales) : undefined;
}

/** `guides/x#asides` for `/de/guides/x/#nebenbemerkungen` when the linked pages' alignment pairs those sections. */
function pageTarget(url: string, article: string, side: "source" | "translation", locales: ReadonlySet<string>, linked: Readonly<Record<string, LinkedSections>>): string | undefined {
  const target = pagePath(url, article, locales);
  if (target === undefined) return undefined;
  if (target.id === "") return target.page;
  const sections = linked[target.page];
  const id = (sections && Object.hasOwn(sections[side], target.id) ? sections[side][target.id] : undefined) ?? target.id;
  return `${target.page}#${id}`;
}

/**
 * A page of another localised site (`https://docs.astro.build/en/x/#heading-ids` and
 * `…/de/x/#überschriften-ids`): its fragments are that site's translated headings, which no one
 * here can read, so the page alone is the target. Other URLs keep their fragment.
 */
function localisedSiteKey(url: string, neutral: string): string {
  if (!/^https?:\/\//i.test(neutral)) return neutral;
  const hash = neutral.indexOf("#");
  const page = (hash === -1 ? neutral : neutral.slice(0, hash)).replace(/\/$/, "");
  const localised = neutralTarget(url) !== neutral || hash === -1;
  return localised ? page : `${page}${neutral.slice(hash)}`;
}
