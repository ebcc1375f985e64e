import { slug } from "github-slugger";
import type { Section } from "../model/document.js";
import type { AlignmentEvidence, EvidenceKind } from "../model/pair.js";
import { sectionContent } from "../parse/section-content.js";
import { neutralTarget, NO_LOCALES } from "../util/url.js";

/**
 * Evidence weights: a pair's score is the sum of what each kind says, and two sections are paired
 * only when it exceeds `PAIR_FLOOR`. Content evidence (code, links, images, inline code, numbers)
 * counts (1.25 × overlap − 0.25) × weight when both sides have some of that kind, and −0.25 × weight
 * when only one side has: shared content is strong evidence for a pair, but missing or changed
 * content is weak evidence against, since a translation may be years older than its source.
 */
export const EVIDENCE_WEIGHTS = {
  /**
   * Token overlap of ids (Dice, 0–1). Where the translation's explicit ids are English slugs it is
   * signed: (2 × overlap − 1) × 3 above one half, × `idAgainst` below (a replaced section has a new
   * slug, but a renamed heading can too, and content may still say it is the same section).
   * Otherwise (translated slugs) it only speaks for a pair: overlap × 3.
   */
  id: 3,
  idAgainst: 2,
  /**
   * Shared code tokens (identifiers, flags, strings; comment lines left out: translators translate
   * them). Tokens, not whole lines, so a renamed cmdlet (`Get-AzureRmX` → `Get-AzX`) still counts.
   */
  code: 3,
  /** Shared link targets and docfx include paths. */
  links: 2,
  images: 2,
  inlineCode: 1.5,
  /** Multi-digit numbers in the prose: weak, as versions and counts recur across sections. */
  numbers: 0.5,
  /** Same heading level: +1, different: −1. */
  level: 1,
  /** Relative position within the gap: +0.5 at the same place, −0.5 at opposite ends. */
  position: 0.5,
  /** Ratio of prose lengths: ±0.25 (translations run longer or shorter). */
  length: 0.25,
  /**
   * The source as it was when the translation was made: the translation section pairs with a
   * section of that version (by id or content) which became this source section, +4; it became
   * another one, or the source has dropped it since, −2. The structure the translator saw is the
   * strongest evidence there is.
   */
  baseline: 4,
  baselineAgainst: 2,
} as const;

/** Below or at this score two sections are one missing and one extra section, not a pair. */
export const PAIR_FLOOR = 0.5;
/** Share of a content kind's weight that speaks against a pair with nothing of that kind in common. */
const AGAINST = 0.25;
/** Same slug base (a repeated heading) at a different occurrence: still close, but less than the same occurrence. */
const OTHER_OCCURRENCE = 0.75;

/** What one section offers as evidence, computed once per section. */
export interface SectionFeatures {
  level: number;
  /** The ids a translation keeps when its pipeline writes English slugs: explicit ids, the slug, the slug base. */
  ids: string[];
  /** True when the section has explicit ids (`<a name>`, `{#id}`). */
  explicit: boolean;
  explicitIds: string[];
  /** The GitHub slug of the title without the `-1` suffix GitHub adds to repeats. */
  base: string;
  /** The first explicit id or the slug base, and how many earlier sections share it: `new-vm` #0, #1… */
  key: string;
  occurrence: number;
  idTokens: Set<string>[];
  code: Set<string>;
  links: Set<string>;
  images: Set<string>;
  inlineCode: Set<string>;
  numbers: Set<string>;
  proseLength: number;
}

/**
 * Code samples whose words are prose a translator translates (Markdown, plain text, output): only
 * their tokens with a non-letter in them (`getting-started`, `_italic_`, paths) are evidence.
 */
const PROSE_CODE = new Set(["md", "mdx", "markdown", "markdoc", "text", "txt", "plaintext", "plain", "output", "log"]);
const PLAIN_WORD = /^\p{L}+$/u;

/**
 * Features for every section of a document, in order. `locales` (the pair's) are taken out of
 * link targets, so `/ko/getting-started/` and `/getting-started/` are one target.
 */
export function documentFeatures(sections: readonly Section[], locales: ReadonlySet<string> = NO_LOCALES): SectionFeatures[] {
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const base = slug(section.title);
    const key = section.explicitIds[0] ?? base;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const ids = [...new Set([...section.ids, base].filter((id) => id !== ""))];
    const content = sectionContent(section);
    return {
      level: section.level,
      base,
      ids,
      explicit: section.explicitIds.length > 0,
      explicitIds: section.explicitIds,
      key,
      occurrence,
      idTokens: ids.map(idTokens),
      code: new Set(content.code.flatMap((block) => block.codeLines.flatMap((line) => codeTokens(line).filter((token) => !(PROSE_CODE.has(block.language) && PLAIN_WORD.test(token)))))),
      links: new Set([...content.links.map((link) => neutralTarget(link.url, locales)), ...content.includes.map((include) => include.path)]),
      images: new Set(content.images.map((image) => fileName(image.url))),
      inlineCode: new Set(content.inlineCode),
      numbers: new Set(content.numbers),
      proseLength: content.prose.length,
    };
  });
}

/** Where in its gap a section stands, 0–1, for the position evidence. */
export interface GapPlace {
  source: number;
  translation: number;
}

/**
 * The evidence that `source` and `translation` are the same section. `englishIds` says the
 * translation's explicit ids are source slugs (some of them match source ids), so a different
 * explicit id argues against the pair instead of saying nothing.
 */
export function pairEvidence(source: SectionFeatures, translation: SectionFeatures, englishIds: boolean, place?: GapPlace, baseline?: "for" | "against"): AlignmentEvidence {
  const kinds: EvidenceKind[] = [];
  let score = 0;
  const add = (kind: EvidenceKind, value: number): void => {
    score += value;
    if (value > 0) kinds.push(kind);
  };

  const similarity = idSimilarity(source, translation);
  // An id with no word of three letters (`ps`) says nothing either way.
  const comparable = translation.explicit && (source.explicit || englishIds) && source.idTokens.some((tokens) => tokens.size > 0) && translation.idTokens.some((tokens) => tokens.size > 0);
  const signed = 2 * similarity - 1;
  add("id", comparable ? signed * (signed >= 0 ? EVIDENCE_WEIGHTS.id : EVIDENCE_WEIGHTS.idAgainst) : similarity * EVIDENCE_WEIGHTS.id);
  add("code", setEvidence(source.code, translation.code, EVIDENCE_WEIGHTS.code));
  add("links", setEvidence(source.links, translation.links, EVIDENCE_WEIGHTS.links));
  add("images", setEvidence(source.images, translation.images, EVIDENCE_WEIGHTS.images));
  add("inline-code", setEvidence(source.inlineCode, translation.inlineCode, EVIDENCE_WEIGHTS.inlineCode));
  add("numbers", setEvidence(source.numbers, translation.numbers, EVIDENCE_WEIGHTS.numbers));
  add("level", source.level === translation.level ? EVIDENCE_WEIGHTS.level : -EVIDENCE_WEIGHTS.level);
  if (place !== undefined) add("position", (1 - 2 * Math.abs(place.source - place.translation)) * EVIDENCE_WEIGHTS.position);
  const longer = Math.max(source.proseLength, translation.proseLength);
  if (longer > 0) add("length", (2 * (Math.min(source.proseLength, translation.proseLength) / longer) - 1) * EVIDENCE_WEIGHTS.length);
  if (baseline !== undefined) add("baseline", baseline === "for" ? EVIDENCE_WEIGHTS.baseline : -EVIDENCE_WEIGHTS.baselineAgainst);
  return { score: Math.round(score * 1000) / 1000, kinds };
}

/**
 * Both sections carry explicit ids and share none: authors and translation pipelines keep explicit
 * ids, so two different ones name two different sections, whatever the content says.
 */
export function explicitIdsConflict(source: SectionFeatures, translation: SectionFeatures): boolean {
  return source.explicit && translation.explicit && !source.explicitIds.some((id) => translation.explicitIds.includes(id));
}

/** 1 for the same slug base and occurrence; otherwise the best token overlap (Dice) of any two ids. */
export function idSimilarity(source: SectionFeatures, translation: SectionFeatures): number {
  if (source.key === translation.key || translation.ids.includes(source.key)) return source.occurrence === translation.occurrence ? 1 : OTHER_OCCURRENCE;
  let best = 0;
  for (const a of source.idTokens) for (const b of translation.idTokens) best = Math.max(best, dice(a, b));
  return best;
}

/**
 * Tokens of an id: words of three letters or more, so `to`, `a`, `by` and GitHub's `-1` carry no
 * weight; a plural `s` is dropped (`workflows` ↔ `workflow`).
 */
function idTokens(id: string): Set<string> {
  return new Set(
    id
      .toLowerCase()
      .split(/[-_.\s]+/)
      .filter((token) => token.length >= 3)
      .map((token) => (token.length > 3 && token.endsWith("s") ? token.slice(0, -1) : token)),
  );
}

function codeTokens(line: string): string[] {
  return line.split(/[^\w$@.-]+/).filter((token) => token.length >= 3);
}

function setEvidence(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: number): number {
  if (a.size === 0 && b.size === 0) return 0;
  if (a.size === 0 || b.size === 0) return -AGAINST * weight;
  return ((1 + AGAINST) * dice(a, b) - AGAINST) * weight;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Images are often moved to a locale folder; the file name is what stays. */
function fileName(url: string): string {
  return url.split(/[?#]/)[0]!.split("/").pop() ?? url;
}

/**
 * True when `candidate` (a translation section paired with `pairedWith` by content or sequence)
 * looks more like `missing` than like its own pair: then it is probably the translation of the
 * missing section, and a message must not say "add it after" it.
 */
export function fitsMissingBetter(missing: Section, candidate: Section, pairedWith: Section): boolean {
  const [missingFeatures, pairedFeatures] = documentFeatures([missing, pairedWith]);
  const [candidateFeatures] = documentFeatures([candidate]);
  return pairEvidence(missingFeatures!, candidateFeatures!, false).score > pairEvidence(pairedFeatures!, candidateFeatures!, false).score;
}
