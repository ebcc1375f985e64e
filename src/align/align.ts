import type { Section } from "../model/document.js";
import type { AlignedSection, Alignment, AlignmentEvidence } from "../model/pair.js";
import { documentFeatures, explicitIdsConflict, pairEvidence, PAIR_FLOOR, type SectionFeatures } from "./evidence.js";
import { longestIncreasingSubsequence } from "./increasing.js";

interface Match {
  source: number;
  translation: number;
  sharedId: string;
}

/**
 * What the source as it was at the translation's baseline says of each translation section: the
 * current source section it became (by index), or `null` when the source has dropped it since.
 */
export type BaselineHints = ReadonlyMap<number, number | null>;

/**
 * The hints for a translation made from `baseline`: the translation is aligned with the source as
 * it was then (the structure its translator saw), and that version with the source now (one
 * language, so ids and content match well). Only translation pairs that evidence made count (an
 * `anchor`, `content` or `preamble` row, never one made by level and position alone); a section of
 * that version that the source now lacks, or pairs by level and place alone, was dropped since.
 */
export function baselineHints(baseline: readonly Section[], current: readonly Section[], translation: readonly Section[], locales?: ReadonlySet<string>): BaselineHints {
  const thenToTranslation = alignSectionsOnce(baseline, translation, locales);
  const thenToNow = alignSections(baseline, current);
  const decided = (row: AlignedSection) => row.method === "anchor" || row.method === "content" || row.method === "preamble";
  const now = new Map<number, number | null>();
  for (const row of thenToNow.rows) {
    if (row.source === undefined) continue;
    // In one language a section that stayed shares its id or content; one paired by its level and
    // place alone was replaced (`Requirements` then, `Recent highlights` now).
    now.set(row.source, row.translation !== undefined && decided(row) ? row.translation : null);
  }
  const hints = new Map<number, number | null>();
  for (const row of thenToTranslation.rows) {
    if (row.source === undefined || row.translation === undefined || !decided(row) || !now.has(row.source)) continue;
    hints.set(row.translation, now.get(row.source)!);
  }
  return hints;
}

const alignedOnce = new WeakMap<readonly Section[], WeakMap<readonly Section[], Alignment>>();

/**
 * `alignSections`, once per pair of section lists: the translation aligned with its baseline
 * source serves both the engine (baseline evidence) and the rules (dating differences). A
 * translation is always aligned with the same locales, so they are not part of the key.
 */
export function alignSectionsOnce(source: readonly Section[], translation: readonly Section[], locales?: ReadonlySet<string>): Alignment {
  let byTranslation = alignedOnce.get(source);
  if (byTranslation === undefined) alignedOnce.set(source, (byTranslation = new WeakMap()));
  let alignment = byTranslation.get(translation);
  if (alignment === undefined) byTranslation.set(translation, (alignment = alignSections(source, translation, locales)));
  return alignment;
}

/** Largest gap (source sections × translation sections) aligned by score; larger ones are aligned linearly. */
export const MAX_GAP_CELLS = 200 * 200;
/** Scored cells for one whole alignment, so that many mid-sized gaps stay fast too. */
export const MAX_ALIGNMENT_CELLS = 2_000_000;

/** Evidence kinds that say something about content, not only about the outline. */
const CONTENT_KINDS = new Set(["id", "code", "links", "images", "inline-code", "numbers", "baseline"]);

/**
 * Aligns the sections of a source document with those of a translation.
 *
 * 1. Sections sharing an unambiguous id are matched (`anchor`). An id is ambiguous when more than
 *    one section of either document has it, or when it is the slug of a heading that repeats
 *    (`new-vm`, `new-vm-1`): such ids are evidence, not matches, because a translation pipeline may
 *    write the English slug without GitHub's `-1` suffix.
 * 2. The matches that keep both orders form the backbone (a longest increasing subsequence);
 *    a match outside it is still a match, reported by `section-order`.
 * 3. Each gap between backbone matches is aligned optimally (dynamic programming) by a score of
 *    evidence (`evidence.ts`); a pair needs a score above the floor, else the two sections are one
 *    missing and one extra section; two sections with different explicit ids are never paired.
 *    Gaps over `MAX_GAP_CELLS` are paired linearly by level.
 *
 * `locales` are the pair's (source and translation): link targets are compared without them.
 */
export function alignSections(source: readonly Section[], translation: readonly Section[], locales?: ReadonlySet<string>, baseline?: BaselineHints): Alignment {
  const sourceFeatures = documentFeatures(source, locales);
  const translationFeatures = documentFeatures(translation, locales);
  const englishIds = translationKeepsSourceIds(source, translation);
  const baselineSays = (sourceIndex: number, translationIndex: number): "for" | "against" | undefined => {
    if (baseline === undefined || !baseline.has(translationIndex)) return undefined;
    return baseline.get(translationIndex) === sourceIndex ? "for" : "against";
  };
  const evidenceOf = (sourceIndex: number, translationIndex: number, place?: { source: number; translation: number }): AlignmentEvidence =>
    pairEvidence(sourceFeatures[sourceIndex]!, translationFeatures[translationIndex]!, englishIds, place, baselineSays(sourceIndex, translationIndex));

  const matches = matchByIds(source, translation, sourceFeatures, translationFeatures);
  const backbone = longestIncreasingRun(matches);
  const bySource = new Map<number, AlignedSection>();
  const translationUsed = new Set<number>();

  for (const match of matches) {
    bySource.set(match.source, { source: match.source, translation: match.translation, method: "anchor", sharedId: match.sharedId, evidence: evidenceOf(match.source, match.translation) });
    translationUsed.add(match.translation);
  }
  const preamble = source[0]?.level === 0 && translation[0]?.level === 0 && !bySource.has(0) && !translationUsed.has(0);
  if (preamble) {
    bySource.set(0, { source: 0, translation: 0, method: "preamble", evidence: evidenceOf(0, 0) });
    translationUsed.add(0);
  }

  const rows: AlignedSection[] = [];
  const budget = { cells: MAX_ALIGNMENT_CELLS };
  let sourceCursor = 0;
  let translationCursor = 0;
  const stops = [...backbone, { source: source.length, translation: translation.length, sharedId: "" }];
  for (const stop of stops) {
    const sourceGap = range(sourceCursor, stop.source).filter((index) => !bySource.has(index));
    const translationGap = range(translationCursor, stop.translation).filter((index) => !translationUsed.has(index));
    const cells = sourceGap.length * translationGap.length;
    const scored = cells <= MAX_GAP_CELLS && cells <= budget.cells;
    if (scored) budget.cells -= cells;
    const pairable = (sourceIndex: number, translationIndex: number): boolean => !explicitIdsConflict(sourceFeatures[sourceIndex]!, translationFeatures[translationIndex]!);
    const gapRows = scored ? alignGapByScore(sourceGap, translationGap, evidenceOf, pairable) : alignGapLinearly(source, translation, sourceGap, translationGap, evidenceOf);
    // An anchor match outside the backbone (or the preamble) keeps its source position within the gap.
    for (const index of range(sourceCursor, stop.source)) {
      const fixed = bySource.get(index);
      if (fixed) insertBySource(gapRows, fixed);
    }
    rows.push(...gapRows);
    const stopRow = bySource.get(stop.source);
    if (stopRow) rows.push(stopRow);
    sourceCursor = stop.source + 1;
    translationCursor = stop.translation + 1;
  }
  return { rows };
}

/** The translation's explicit ids are source ids (Microsoft's pipeline writes the English slugs). */
function translationKeepsSourceIds(source: readonly Section[], translation: readonly Section[]): boolean {
  const sourceIds = new Set(source.flatMap((section) => section.ids));
  return translation.some((section) => section.explicitIds.some((id) => sourceIds.has(id)));
}

function matchByIds(source: readonly Section[], translation: readonly Section[], sourceFeatures: readonly SectionFeatures[], translationFeatures: readonly SectionFeatures[]): Match[] {
  const sourceIds = unambiguousIds(source, sourceFeatures);
  const translationIds = unambiguousIds(translation, translationFeatures);
  const translationById = new Map<string, number>();
  translationIds.forEach((ids, index) => {
    for (const id of ids) translationById.set(id, index);
  });
  const used = new Set<number>();
  const matches: Match[] = [];
  sourceIds.forEach((ids, index) => {
    for (const id of ids) {
      const candidate = translationById.get(id);
      if (candidate !== undefined && !used.has(candidate)) {
        used.add(candidate);
        matches.push({ source: index, translation: candidate, sharedId: id });
        break;
      }
    }
  });
  return matches;
}

/**
 * Per section, the ids that name it alone: an id no other section of the document has, and, for a
 * heading whose slug repeats, only its explicit ids (`header-1` is GitHub's guess, not the author's).
 */
function unambiguousIds(sections: readonly Section[], features: readonly SectionFeatures[]): string[][] {
  const sectionsWithId = new Map<string, number>();
  const sectionsWithBase = new Map<string, number>();
  features.forEach((feature) => {
    for (const id of feature.ids) sectionsWithId.set(id, (sectionsWithId.get(id) ?? 0) + 1);
    sectionsWithBase.set(feature.base, (sectionsWithBase.get(feature.base) ?? 0) + 1);
  });
  return sections.map((section, index) => {
    const feature = features[index]!;
    const repeated = sectionsWithBase.get(feature.base)! > 1;
    return section.ids.filter((id) => sectionsWithId.get(id) === 1 && (!repeated || section.explicitIds.includes(id)));
  });
}

/** Matches (in source order) whose translation indexes increase, as many as possible. */
function longestIncreasingRun(matches: readonly Match[]): Match[] {
  return longestIncreasingSubsequence(matches.map((match) => match.translation)).map((index) => matches[index]!);
}

type EvidenceOf = (sourceIndex: number, translationIndex: number, place?: { source: number; translation: number }) => AlignmentEvidence;

/**
 * The order-keeping pairing of a gap with the highest total score above the floor (Needleman–Wunsch
 * with zero gap cost and a pair gain of score − floor): each section pairs at most once, crossings are
 * impossible, and a weak pair is worth less than leaving both sections unpaired.
 */
function alignGapByScore(sourceGap: readonly number[], translationGap: readonly number[], evidenceOf: EvidenceOf, pairable: (source: number, translation: number) => boolean): AlignedSection[] {
  const rows = sourceGap.length;
  const columns = translationGap.length;
  if (rows === 0 || columns === 0) return unpairedRows(sourceGap, translationGap);
  const evidence: AlignmentEvidence[] = new Array(rows * columns);
  const best = new Float64Array((rows + 1) * (columns + 1));
  const width = columns + 1;
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= columns; j++) {
      const place = { source: (i - 0.5) / rows, translation: (j - 0.5) / columns };
      const pairEvidence = (evidence[(i - 1) * columns + (j - 1)] = evidenceOf(sourceGap[i - 1]!, translationGap[j - 1]!, place));
      const gain = pairable(sourceGap[i - 1]!, translationGap[j - 1]!) ? pairEvidence.score - PAIR_FLOOR : 0;
      const skip = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!);
      best[i * width + j] = gain > 0 ? Math.max(skip, best[(i - 1) * width + j - 1]! + gain) : skip;
    }
  }
  // Walk back; ties go to leaving sections unpaired, so a pair is only made when it adds score.
  const pairs: Array<[number, number]> = [];
  let i = rows;
  let j = columns;
  while (i > 0 && j > 0) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]) i--;
    else if (here === best[i * width + j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  pairs.reverse();
  const result: AlignedSection[] = [];
  let sourceAt = 0;
  let translationAt = 0;
  for (const [sourcePosition, translationPosition] of pairs) {
    result.push(...unpairedRows(sourceGap.slice(sourceAt, sourcePosition), translationGap.slice(translationAt, translationPosition)));
    const pairEvidence = evidence[sourcePosition * columns + translationPosition]!;
    const method = pairEvidence.kinds.some((kind) => CONTENT_KINDS.has(kind)) ? "content" : "sequence";
    result.push({ source: sourceGap[sourcePosition]!, translation: translationGap[translationPosition]!, method, evidence: pairEvidence });
    sourceAt = sourcePosition + 1;
    translationAt = translationPosition + 1;
  }
  result.push(...unpairedRows(sourceGap.slice(sourceAt), translationGap.slice(translationAt)));
  return result;
}

/**
 * For gaps too large to score every pair: one pass over both sides, pairing sections of the same
 * level in order and skipping the deeper side when levels differ. Linear, so hostile input stays fast.
 */
function alignGapLinearly(source: readonly Section[], translation: readonly Section[], sourceGap: readonly number[], translationGap: readonly number[], evidenceOf: EvidenceOf): AlignedSection[] {
  const rows: AlignedSection[] = [];
  let s = 0;
  let t = 0;
  while (s < sourceGap.length && t < translationGap.length) {
    const sourceSection = source[sourceGap[s]!]!;
    const translationSection = translation[translationGap[t]!]!;
    if (sourceSection.level === translationSection.level && !(sourceSection.explicitIds.length > 0 && translationSection.explicitIds.length > 0)) {
      rows.push({ source: sourceSection.index, translation: translationSection.index, method: "sequence", evidence: evidenceOf(sourceSection.index, translationSection.index) });
      s++;
      t++;
    } else if (sourceSection.level >= translationSection.level) {
      rows.push({ source: sourceGap[s++]! });
    } else {
      rows.push({ translation: translationGap[t++]! });
    }
  }
  rows.push(...unpairedRows(sourceGap.slice(s), translationGap.slice(t)));
  return rows;
}

/** Source-only rows, then translation-only rows, so a missing section is placed after the last pair before it. */
function unpairedRows(sourceGap: readonly number[], translationGap: readonly number[]): AlignedSection[] {
  return [...sourceGap.map((source) => ({ source })), ...translationGap.map((translation) => ({ translation }))];
}

/** Puts a fixed row that is out of order among the gap's rows, by its source index. */
function insertBySource(rows: AlignedSection[], row: AlignedSection): void {
  const at = rows.findIndex((other) => other.source !== undefined && other.source > row.source!);
  if (at === -1) rows.push(row);
  else rows.splice(at, 0, row);
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
