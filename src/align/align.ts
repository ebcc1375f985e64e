import { diffArrays } from "diff";
import type { Section } from "../model/document.js";
import type { AlignedSection, Alignment } from "../model/pair.js";
import { longestIncreasingSubsequence } from "./increasing.js";

interface Match {
  source: number;
  translation: number;
  sharedId: string;
}

/**
 * Aligns the sections of a source document with those of a translation.
 *
 * 1. Sections sharing an id are matched (ids are aliases: any explicit anchor or the slug).
 * 2. The matches that keep both orders form the backbone (a longest increasing subsequence);
 *    a match outside it is still a match, reported by `section-order`.
 * 3. Between two backbone matches, the unmatched sections on each side are matched by order and
 *    heading level with an array diff, unless both carry explicit ids, which would have matched.
 */
export function alignSections(source: readonly Section[], translation: readonly Section[]): Alignment {
  const matches = matchByIds(source, translation);
  const backbone = longestIncreasingRun(matches);
  const bySource = new Map<number, AlignedSection>();
  const translationUsed = new Set<number>();

  for (const match of matches) {
    bySource.set(match.source, { source: match.source, translation: match.translation, method: "anchor", sharedId: match.sharedId });
    translationUsed.add(match.translation);
  }

  const rows: AlignedSection[] = [];
  let sourceCursor = 0;
  let translationCursor = 0;
  const stops = [...backbone, { source: source.length, translation: translation.length, sharedId: "" }];
  for (const stop of stops) {
    const sourceGap = range(sourceCursor, stop.source).filter((index) => !bySource.has(index));
    const translationGap = range(translationCursor, stop.translation).filter((index) => !translationUsed.has(index));
    const gapRows = alignGap(source, translation, sourceGap, translationGap);
    // An anchor match outside the backbone keeps its source position within the gap.
    for (const index of range(sourceCursor, stop.source)) {
      const anchored = bySource.get(index);
      if (anchored) insertBySource(gapRows, anchored);
    }
    rows.push(...gapRows);
    const stopRow = bySource.get(stop.source);
    if (stopRow) rows.push(stopRow);
    sourceCursor = stop.source + 1;
    translationCursor = stop.translation + 1;
  }
  return { rows };
}

function matchByIds(source: readonly Section[], translation: readonly Section[]): Match[] {
  const translationById = new Map<string, number>();
  for (const section of translation) {
    for (const id of section.ids) if (!translationById.has(id)) translationById.set(id, section.index);
  }
  const used = new Set<number>();
  const matches: Match[] = [];
  for (const section of source) {
    for (const id of section.ids) {
      const candidate = translationById.get(id);
      if (candidate !== undefined && !used.has(candidate)) {
        used.add(candidate);
        matches.push({ source: section.index, translation: candidate, sharedId: id });
        break;
      }
    }
  }
  return matches;
}

/** Matches (in source order) whose translation indexes increase, as many as possible. */
function longestIncreasingRun(matches: readonly Match[]): Match[] {
  return longestIncreasingSubsequence(matches.map((match) => match.translation)).map((index) => matches[index]!);
}

/** Rows for one gap between backbone matches, in reading order. */
function alignGap(source: readonly Section[], translation: readonly Section[], sourceGap: number[], translationGap: number[]): AlignedSection[] {
  const changes = diffArrays(sourceGap, translationGap, {
    comparator: (sourceIndex: number, translationIndex: number) => canPairBySequence(source[sourceIndex]!, translation[translationIndex]!),
    maxEditLength: MAX_SEQUENCE_EDITS,
  });
  if (changes === undefined) return pairByPosition(source, translation, sourceGap, translationGap);
  const rows: AlignedSection[] = [];
  let sourceAt = 0;
  let translationAt = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    for (let step = 0; step < count; step++) {
      if (change.added) {
        rows.push({ translation: translationGap[translationAt++]! });
      } else if (change.removed) {
        rows.push({ source: sourceGap[sourceAt++]! });
      } else {
        // A common run carries the first side's values only; take the indexes from both gaps.
        const sourceIndex = sourceGap[sourceAt++]!;
        const translationIndex = translationGap[translationAt++]!;
        const method = source[sourceIndex]!.level === 0 ? "preamble" : "sequence";
        rows.push({ source: sourceIndex, translation: translationIndex, method });
      }
    }
  }
  return rows;
}

/**
 * The array diff's work grows with the gap's length times its edits (20,000 unanchored headings on
 * each side took 74 s). Past this many edits a gap is paired by position instead: linear, and the
 * same as the diff wherever the two outlines have the same shape.
 */
export const MAX_SEQUENCE_EDITS = 1000;

/** The linear fallback: the n-th section of each side is paired where level and ids allow, else each stands alone. */
function pairByPosition(source: readonly Section[], translation: readonly Section[], sourceGap: number[], translationGap: number[]): AlignedSection[] {
  const rows: AlignedSection[] = [];
  for (let at = 0; at < Math.max(sourceGap.length, translationGap.length); at++) {
    const sourceIndex = sourceGap[at];
    const translationIndex = translationGap[at];
    if (sourceIndex !== undefined && translationIndex !== undefined && canPairBySequence(source[sourceIndex]!, translation[translationIndex]!)) {
      rows.push({ source: sourceIndex, translation: translationIndex, method: source[sourceIndex]!.level === 0 ? "preamble" : "sequence" });
      continue;
    }
    if (sourceIndex !== undefined) rows.push({ source: sourceIndex });
    if (translationIndex !== undefined) rows.push({ translation: translationIndex });
  }
  return rows;
}

/** Puts an anchored row that is out of order among the gap's rows, by its source index. */
function insertBySource(rows: AlignedSection[], row: AlignedSection): void {
  const at = rows.findIndex((other) => other.source !== undefined && other.source > row.source!);
  if (at === -1) rows.push(row);
  else rows.splice(at, 0, row);
}

function canPairBySequence(source: Section, translation: Section): boolean {
  if (source.level !== translation.level) return false;
  // Explicit ids are kept through translation; two different ones name two different sections.
  return !(source.explicitIds.length > 0 && translation.explicitIds.length > 0);
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
