import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { type At, type CalloutKind, sectionContent, type SectionContent } from "../parse/section-content.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView, unmatched } from "./support/compare.js";
import { describeSection } from "./support/sections.js";
import { neutralTarget } from "./support/targets.js";

interface StructureDifference extends Difference {
  messageId: string;
  /** The template's values besides the section. */
  values: Record<string, string | number>;
  /** Where in the translation, when there is a place; else the section heading. */
  at?: At;
  sourceAt?: At;
  data: Record<string, unknown>;
}

const CALLOUT_KINDS: readonly CalloutKind[] = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];

/**
 * Translation keeps the shape of a section: its tables (rows, columns), lists (items, nesting),
 * callouts (`> [!NOTE]` and kin) and includes (`[!INCLUDE [..](path)]`).
 */
export const structureDrift: Rule = {
  id: "structure-drift",
  severity: "warning",
  description: "A translated section has other tables, lists, callouts or includes than the source's: counts, rows, columns, items or nesting differ.",
  rationale:
    "A table with a row fewer, a list with a step fewer, a warning callout left out or an include dropped means the reader of the translation misses content, even where every sentence is well translated.",
  messages: {
    "table-count": "There {verb} {actual} in {section}; expected {expected}, as in the source.{sinceNote}",
    "table-shape": "Table {index} has {actual} in {section}; expected {expected}, as in the source.{sinceNote}",
    "list-count": "There {verb} {actual} in {section}; expected {expected}, as in the source.{sinceNote}",
    "list-shape": "List {index} has {actual} in {section}; expected {expected}, as in the source.{sinceNote}",
    callout: "{actual} in {section}; expected {expected}, as in the source.{sinceNote}",
    "include-missing": "The include `{include}` is missing in {section}; expected it, as in the source.{sinceNote}",
    "include-extra": "The include `{include}` is extra in {section}; expected the source's includes only.{sinceNote}",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## Limits\n\n| Item | Limit |\n|---|---|\n| Ports | 4 |\n| Links | 2 |\n\n> [!NOTE]\n> Limits apply per circuit.\n",
      translation: "# Anleitung\n\n## Limits\n\n| Element | Grenze |\n|---|---|\n| Ports | 4 |\n",
    },
    good: {
      source: "# Guide\n\n## Limits\n\n| Item | Limit |\n|---|---|\n| Ports | 4 |\n\n- One\n- Two\n",
      translation: "# Anleitung\n\n## Limits\n\n| Element | Grenze |\n|---|---|\n| Ports | 4 |\n\n- Eins\n- Zwei\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, structureDifferences).map((compared) => {
      const { view, difference } = compared;
      const place = difference.at ?? { line: view.translation.line, column: view.translation.column };
      const related = difference.sourceAt && { file: view.sourceDocument.file, line: difference.sourceAt.line, column: difference.sourceAt.column, message: "The same in the source." };
      return differenceFinding(compared, place, difference.messageId, { ...difference.data, ...difference.values, section: describeSection(view.translation) }, related);
    });
  },
};

function structureDifferences({ source, translation }: SectionPairView): StructureDifference[] {
  const [from, to] = [sectionContent(source), sectionContent(translation)];
  return [...tableDifferences(from, to), ...listDifferences(from, to), ...calloutDifferences(from, to), ...includeDifferences(from, to)];
}

function tableDifferences(from: SectionContent, to: SectionContent): StructureDifference[] {
  if (from.tables.length !== to.tables.length) return [countDifference("table", from.tables, to.tables)];
  const differences: StructureDifference[] = [];
  from.tables.forEach((expected, index) => {
    const actual = to.tables[index]!;
    if (expected.rows === actual.rows && expected.columns === actual.columns) return;
    differences.push({
      key: `table:${index}:${expected.rows}x${expected.columns}:${actual.rows}x${actual.columns}`,
      identity: `table:${index + 1}`,
      messageId: "table-shape",
      values: { index: index + 1, actual: shape(actual.rows, actual.columns), expected: shape(expected.rows, expected.columns) },
      at: actual,
      sourceAt: expected,
      data: { kind: "table", index, rows: actual.rows, columns: actual.columns, expectedRows: expected.rows, expectedColumns: expected.columns },
    });
  });
  return differences;
}

function listDifferences(from: SectionContent, to: SectionContent): StructureDifference[] {
  if (from.lists.length !== to.lists.length) return [countDifference("list", from.lists, to.lists)];
  const differences: StructureDifference[] = [];
  from.lists.forEach((expected, index) => {
    const actual = to.lists[index]!;
    if (expected.items === actual.items && expected.depth === actual.depth) return;
    differences.push({
      key: `list:${index}:${expected.items}/${expected.depth}:${actual.items}/${actual.depth}`,
      identity: `list:${index + 1}`,
      messageId: "list-shape",
      values: { index: index + 1, actual: listShape(actual.items, actual.depth), expected: listShape(expected.items, expected.depth) },
      at: actual,
      sourceAt: expected,
      data: { kind: "list", index, items: actual.items, depth: actual.depth, expectedItems: expected.items, expectedDepth: expected.depth },
    });
  });
  return differences;
}

function calloutDifferences(from: SectionContent, to: SectionContent): StructureDifference[] {
  const differences: StructureDifference[] = [];
  for (const kind of CALLOUT_KINDS) {
    const expected = from.callouts.filter((callout) => callout.kind === kind);
    const actual = to.callouts.filter((callout) => callout.kind === kind);
    if (expected.length === actual.length) continue;
    const firstExtra = actual[expected.length];
    const firstMissing = expected[actual.length];
    differences.push({
      key: `callout:${kind}:${expected.length}:${actual.length}`,
      identity: `callout:${kind}`,
      messageId: "callout",
      values: { actual: count(actual.length, `\`[!${kind}]\` callout`), expected: expected.length },
      ...(firstExtra && { at: firstExtra }),
      ...(firstMissing && { sourceAt: firstMissing }),
      data: { kind: "callout", callout: kind, count: actual.length, expected: expected.length },
    });
  }
  return differences;
}

function includeDifferences(from: SectionContent, to: SectionContent): StructureDifference[] {
  const path = (include: { path: string }) => neutralTarget(include.path);
  const missing = unmatched(from.includes, to.includes, path).map((include): StructureDifference => ({
    key: `include-missing:${path(include)}`,
    messageId: "include-missing",
    values: { include: include.path },
    sourceAt: include,
    data: { kind: "include", include: include.path, missing: true },
  }));
  const extra = unmatched(to.includes, from.includes, path).map((include): StructureDifference => ({
    key: `include-extra:${path(include)}`,
    messageId: "include-extra",
    values: { include: include.path },
    at: include,
    data: { kind: "include", include: include.path, missing: false },
  }));
  return [...missing, ...extra];
}

function countDifference(kind: "table" | "list", expected: readonly At[], actual: readonly At[]): StructureDifference {
  const extra = actual[expected.length];
  const missing = expected[actual.length];
  return {
    key: `${kind}-count:${expected.length}:${actual.length}`,
    identity: `${kind}-count`,
    messageId: `${kind}-count`,
    values: { verb: actual.length === 1 ? "is" : "are", actual: count(actual.length, kind), expected: count(expected.length, kind) },
    ...(extra && { at: extra }),
    ...(missing && { sourceAt: missing }),
    data: { kind, count: actual.length, expected: expected.length },
  };
}

function shape(rows: number, columns: number): string {
  return `${count(rows, "row")} and ${count(columns, "column")}`;
}

function listShape(items: number, depth: number): string {
  return `${count(items, "item")}${depth > 1 ? ` nested ${depth} deep` : ""}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
