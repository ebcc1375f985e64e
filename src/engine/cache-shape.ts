import type { CachedArticle } from "./article-result.js";
import type { ParsedDocument } from "../model/document.js";
import { SEVERITIES } from "../model/finding.js";
import { ALIGNMENT_METHODS } from "../model/pair.js";

/**
 * The shapes of the cache's entries, checked before an entry is used: entries come back from CI
 * caches, so a wrong shape is a miss, never a crash or a trusted result. Hand-written rather than
 * a JSON Schema compiled by ajv, which measured 0.7 s per worker thread on a loaded two-core
 * machine, more than a warm cache saves on a small tree; every field the engine and the
 * reporters read is checked.
 */
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const string: Check = (value) => typeof value === "string";
const boolean: Check = (value) => typeof value === "boolean";
const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const oneOf =
  (...allowed: readonly string[]): Check =>
  (value) =>
    typeof value === "string" && allowed.includes(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const recordOf =
  (check: Check): Check =>
  (value) =>
    isObject(value) && Object.values(value).every(check);
const object =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isObject(value) && Object.entries(fields).every(([name, check]) => check(value[name]));

const count = integer(0);
const position = integer(1);

const problem = object({ ruleId: string, message: string, line: optional(position), column: optional(position), data: optional(isObject) });
const section = object({
  index: count,
  level: integer(0, 6),
  title: string,
  ids: arrayOf(string),
  explicitIds: arrayOf(string),
  anchor: string,
  line: position,
  column: position,
  endLine: count,
  parent: integer(-1),
  nodes: arrayOf(object({ type: string })),
});
const document = object({
  file: string,
  frontMatterLines: count,
  frontMatter: isObject,
  frontMatterKeyLines: recordOf(count),
  sections: arrayOf(section),
  problems: arrayOf(problem),
  usable: boolean,
  contentHash: string,
  text: string,
});

const finding = object({
  ruleId: string,
  severity: oneOf(...SEVERITIES),
  locale: string,
  article: string,
  file: string,
  line: optional(position),
  column: optional(position),
  anchor: optional(string),
  message: string,
  related: optional(arrayOf(object({ file: string, line: position, column: position, message: string }))),
  data: optional(isObject),
  fingerprint: string,
});
const sectionOutline = object({ anchor: string, title: string, level: integer(1, 6), line: position });
const outline = object({
  article: string,
  file: string,
  sections: arrayOf(sectionOutline),
  translations: arrayOf(
    object({
      locale: string,
      file: string,
      status: oneOf("translated", "missing", "unreadable"),
      rows: arrayOf(object({ source: optional(count), translation: optional(sectionOutline), method: optional(oneOf(...ALIGNMENT_METHODS)) })),
    }),
  ),
});
const article = object({
  result: object({
    findings: arrayOf(finding),
    outline,
    history: object({ gaps: recordOf(object({ count, example: string })), unknownPins: count, importedPins: count }),
  }),
  dependencies: arrayOf(object({ file: string, hash: string })),
});

export function isCachedDocument(value: unknown): value is ParsedDocument {
  return document(value);
}

export function isCachedArticle(value: unknown): value is CachedArticle {
  return article(value);
}
