import { alignSectionsOnce } from "../../align/align.js";
import type { ParsedDocument, Section } from "../../model/document.js";
import type { FindingDraft, RelatedPlace } from "../../model/finding.js";
import type { Alignment, Pair } from "../../model/pair.js";
import { sinceCause } from "./cause.js";

/**
 * Whether a difference was already there in the source version the translation was made from
 * (a translator's error) or appeared in the source after it (upstream drift not yet caught up).
 */
import type { Since } from "./cause.js";

export type { Since };

/** An aligned source section and translation section, with what resolving links needs. */
export interface SectionPairView {
  /** The article's path relative to the source directory. */
  article: string;
  source: Section;
  translation: Section;
  sourceDocument: ParsedDocument;
  translationDocument: ParsedDocument;
  /** The translation section a section of `sourceDocument` is aligned with. */
  translated(sourceIndex: number): Section | undefined;
}

/** One difference a rule found; equal keys mean the same difference. */
export interface Difference {
  /** Compared with the baseline's differences: exact, counts included. */
  key: string;
  /** The finding's identity within its section, when `key` holds what may change (counts, text): no counts, no lines. */
  identity?: string;
}

export interface Compared<D extends Difference> {
  view: SectionPairView;
  difference: D;
  /** Set when the pair has a baseline source to compare with. */
  since?: Since;
}

/**
 * Runs `differ` on every aligned pair of sections. Where the translation's baseline source is
 * known, the same comparison is made against the baseline's section for the same translation
 * section: a difference found there too is dated `baseline`, any other `upstream`.
 */
export function compareSections<D extends Difference>(pair: Pair, differ: (view: SectionPairView) => D[]): Compared<D>[] {
  const current = viewsOf(pair.article, pair.source, pair.translation, pair.alignment);
  const baseline = pair.baseline?.source;
  const baselineViews = baseline?.usable ? viewsOf(pair.article, baseline, pair.translation, baseline === pair.source ? pair.alignment : baselineAlignment(baseline, pair.translation, pair.locales)) : undefined;
  const results: Compared<D>[] = [];
  for (const view of current.values()) {
    const differences = differ(view);
    if (differences.length === 0) continue;
    let atBaseline: Set<string> | undefined;
    if (baselineViews !== undefined) {
      const then = baselineViews.get(view.translation.index);
      atBaseline = new Set(then === undefined ? [] : differ(then).map((difference) => difference.key));
    }
    for (const difference of differences) {
      results.push(atBaseline === undefined ? { view, difference } : { view, difference, since: atBaseline.has(difference.key) ? "baseline" : "upstream" });
    }
  }
  return results;
}

/** The views of every aligned pair of sections, by translation section index. */
function viewsOf(article: string, source: ParsedDocument, translation: ParsedDocument, alignment: Alignment): Map<number, SectionPairView> {
  const bySource = new Map<number, Section>();
  for (const row of alignment.rows) {
    if (row.source !== undefined && row.translation !== undefined) bySource.set(row.source, translation.sections[row.translation]!);
  }
  const views = new Map<number, SectionPairView>();
  for (const row of alignment.rows) {
    if (row.source === undefined || row.translation === undefined) continue;
    views.set(row.translation, {
      article,
      source: source.sections[row.source]!,
      translation: translation.sections[row.translation]!,
      sourceDocument: source,
      translationDocument: translation,
      translated: (sourceIndex) => bySource.get(sourceIndex),
    });
  }
  return views;
}

/** The translation aligned with the source as it was at the baseline; undefined without a usable baseline source. */
export function alignmentAtBaseline(pair: Pair): Alignment | undefined {
  const baseline = pair.baseline?.source;
  if (!baseline?.usable) return undefined;
  return baseline === pair.source ? pair.alignment : baselineAlignment(baseline, pair.translation, pair.locales);
}

/** Aligned as the pair is (its locales too), so a difference is dated against the same kind of pairing. */
function baselineAlignment(baseline: ParsedDocument, translation: ParsedDocument, locales: ReadonlySet<string> | undefined): Alignment {
  return alignSectionsOnce(baseline.sections, translation.sections, locales);
}

/** The clause a message ends with (its `{sinceNote}`), saying when the difference arose. */
export function sinceClause(since: Since | undefined): string {
  if (since === "baseline") return " It was already so in the source version this was translated from.";
  if (since === "upstream") return " The source changed after this was translated.";
  return "";
}

/** A draft about a difference, in the translation, pointing at the source place; `data` fills the template. */
export function differenceFinding(
  compared: Compared<Difference>,
  place: { line: number; column: number },
  messageId: string,
  data: Record<string, unknown>,
  related?: RelatedPlace,
): FindingDraft {
  const { view, since, difference } = compared;
  const anchor = view.translation.anchor !== "" ? view.translation.anchor : view.source.anchor;
  return {
    messageId,
    file: view.translationDocument.file,
    line: place.line,
    column: place.column,
    ...(anchor !== "" && { anchor }),
    key: difference.identity ?? difference.key,
    cause: sinceCause(since),
    data: { ...data, sinceNote: sinceClause(since), ...(since !== undefined && { since }) },
    ...(related !== undefined && { related: [related] }),
  };
}

/** Multiset difference: the items of `left` with no equal (by key) item left in `right`. */
export function unmatched<T>(left: readonly T[], right: readonly T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of right) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const rest: T[] = [];
  for (const item of left) {
    const count = counts.get(key(item)) ?? 0;
    if (count > 0) counts.set(key(item), count - 1);
    else rest.push(item);
  }
  return rest;
}
