import { structuredPatch } from "diff";
import { MAX_LINE_EDITS } from "./line-diff.js";
import type { ParsedDocument } from "../model/document.js";
import type { BaselineMethod, HistoryGap, Pair, TranslationBaseline } from "../model/pair.js";
import { frontMatterValue, valuesToCopy } from "../parse/front-matter.js";
import { compareSources, isFormattingOnly, sectionText, type ChangeKind, type SectionRef } from "./compare.js";

/**
 * What a translator has to do for one translation:
 * - `current`: nothing changed since the baseline, or only formatting and marked commits;
 * - `stale`: sections to add, update or remove;
 * - `unknown`: history cannot tell the baseline; `structure` compares the outlines instead;
 * - `missing`: there is no translation yet.
 */
export type WorkState = "current" | "stale" | "unknown" | "missing";

export interface WorkList {
  article: string;
  locale: string;
  /** The translation, where it is (or is expected). */
  file: string;
  sourceFile: string;
  state: WorkState;
  baseline?: { method: BaselineMethod; commit?: string; commitsBehind?: number; skippedCommits?: number; gap?: HistoryGap };
  /** Source sections added since the baseline, with their full text. */
  added: Array<SectionRef & { text: string }>;
  /** Source sections changed since the baseline, with a unified diff of the source section. */
  changed: Array<SectionRef & { kinds: ChangeKind[]; diff: string }>;
  removed: SectionRef[];
  /** Sections whose Markdown changed without changing what readers get: no work. */
  skipped: SectionRef[];
  /** Included files changed since the baseline. */
  includes: Array<{ file: string; commits: number }>;
  /** Translated front matter keys the source changed since the baseline, with the value then and now (absent: no such key). */
  frontMatter: Array<{ key: string; before?: string; after?: string }>;
  /** Front matter values that must equal the source's and do not: the translation's (absent: missing) and the source's. */
  values: Array<{ key: string; value?: string; expected: string }>;
  /** When the baseline is unknown: source sections the translation lacks, and its sections the source lacks. */
  structure?: { missing: SectionRef[]; extra: SectionRef[] };
  /** Source lines to translate or review: added sections' lines plus changed lines; ranks the lists. */
  size: number;
}

/**
 * The work list of one pair: the source at the translation's baseline against the source now.
 * Pure, given the pair; the engine calls it for each aligned pair it checks.
 */
export function workListFor(pair: Pair, frontMatterKeys: readonly string[], equalKeys: readonly string[] = []): WorkList {
  const baseline = pair.baseline;
  const list: WorkList = {
    article: pair.article,
    locale: pair.locale,
    file: pair.translation.file,
    sourceFile: pair.source.file,
    state: "current",
    added: [],
    changed: [],
    removed: [],
    skipped: [],
    includes: baseline?.includesChanged ?? [],
    frontMatter: [],
    values: valuesOf(pair, equalKeys),
    size: 0,
  };
  if (baseline) list.baseline = baselineSummary(baseline);
  if (!baseline?.source) {
    list.state = "unknown";
    list.structure = structure(pair);
    list.size = list.structure.missing.reduce((total, section) => total + sectionLines(pair.source, section.anchor), 0);
    return list;
  }
  const target = baseline.target ?? pair.source;
  const comparison = compareSources(baseline.source, target, frontMatterKeys);
  list.added = comparison.added;
  list.frontMatter = comparison.frontMatter.map((key) => ({ key, ...shown("before", frontMatterValue(baseline.source!.frontMatter, key)), ...shown("after", frontMatterValue(target.frontMatter, key)) }));
  list.removed = comparison.removed;
  const oldSections = new Map(baseline.source.sections.map((section) => [section.anchor, section]));
  const newSections = new Map(target.sections.map((section) => [section.anchor, section]));
  for (const section of comparison.changed) {
    const { before, after, kinds, ...ref } = section;
    if (isFormattingOnly(section)) {
      list.skipped.push(ref);
      continue;
    }
    const diff = sectionDiff(before, after, oldSections.get(section.anchor)?.line ?? 1, newSections.get(section.anchor)?.line ?? 1);
    list.changed.push({ ...ref, kinds, diff });
  }
  list.size =
    list.added.reduce((total, section) => total + section.text.split("\n").length, 0) +
    list.changed.reduce((total, section) => total + section.diff.split("\n").filter((line) => line.startsWith("+") || line.startsWith("-")).length, 0) +
    list.removed.length +
    list.includes.length +
    list.frontMatter.length +
    list.values.length;
  if (list.size > 0) list.state = "stale";
  return list;
}

/** Values the translation must copy from its source and does not (a version in Hugo's `cascade`), as `metadata-drift` finds them. */
function valuesOf(pair: Pair, equalKeys: readonly string[]): WorkList["values"] {
  return valuesToCopy(pair.source.frontMatter, pair.translation.frontMatter, equalKeys).map(({ key, value, expected }) => ({ key, ...shown("value", value), expected: valueText(expected) }));
}

function shown<K extends string>(name: K, value: unknown): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: valueText(value) } as Record<K, string>);
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A unified diff of one section, with hunk line numbers as in the two versions of the file. */
export function sectionDiff(before: string, after: string, beforeLine: number, afterLine: number): string {
  const patch = structuredPatch("", "", `${before}\n`, `${after}\n`, "", "", { context: 3, maxEditLength: MAX_LINE_EDITS });
  // Too many edits to diff in bounded time: the section was rewritten, shown as all old lines, then all new.
  if (patch === undefined) return rewrittenDiff(before, after, beforeLine, afterLine);
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart + beforeLine - 1},${hunk.oldLines} +${hunk.newStart + afterLine - 1},${hunk.newLines} @@`);
    lines.push(...hunk.lines.filter((line) => !line.startsWith("\\")));
  }
  return lines.join("\n");
}

function rewrittenDiff(before: string, after: string, beforeLine: number, afterLine: number): string {
  const removed = before.split("\n");
  const added = after.split("\n");
  return [`@@ -${beforeLine},${removed.length} +${afterLine},${added.length} @@ rewritten`, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join("\n");
}

/** A translation not made yet (or whose source cannot be read): all of the source is the work. */
export function missingWorkList(article: string, locale: string, file: string, source: ParsedDocument): WorkList {
  const lines = source.text.split("\n").length - source.frontMatterLines;
  return { article, locale, file, sourceFile: source.file, state: "missing", added: [], changed: [], removed: [], skipped: [], includes: [], frontMatter: [], values: [], size: source.usable ? lines : 0 };
}

function baselineSummary(baseline: TranslationBaseline): NonNullable<WorkList["baseline"]> {
  return {
    method: baseline.method,
    ...(baseline.commit !== undefined && { commit: baseline.commit }),
    ...(baseline.commitsBehind !== undefined && { commitsBehind: baseline.commitsBehind }),
    ...(baseline.skippedCommits !== undefined && { skippedCommits: baseline.skippedCommits }),
    ...(baseline.gap !== undefined && { gap: baseline.gap }),
  };
}

function structure(pair: Pair): { missing: SectionRef[]; extra: SectionRef[] } {
  const missing: SectionRef[] = [];
  const extra: SectionRef[] = [];
  for (const row of pair.alignment.rows) {
    if (row.source !== undefined && row.translation === undefined) missing.push(ref(pair.source.sections[row.source]!));
    if (row.translation !== undefined && row.source === undefined) extra.push(ref(pair.translation.sections[row.translation]!));
  }
  return { missing: missing.filter((section) => section.level > 0), extra: extra.filter((section) => section.level > 0) };
}

function sectionLines(document: ParsedDocument, anchor: string): number {
  const section = document.sections.find((candidate) => candidate.anchor === anchor);
  return section ? sectionText(document, section).split("\n").length : 0;
}

function ref(section: { anchor: string; title: string; level: number }): SectionRef {
  return { anchor: section.anchor, title: section.title, level: section.level };
}
