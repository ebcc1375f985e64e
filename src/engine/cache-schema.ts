import { Ajv, type ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import type { ParsedDocument } from "../model/document.js";
import type { CachedArticle } from "./article-result.js";

/**
 * JSON Schemas of the cache's entries. Entries come back from CI caches, so each is checked
 * against these before use: a wrong shape is a miss, never a crash or a trusted result. Findings
 * and outlines are checked against the published report schema, which already describes them.
 */
const count = { type: "integer", minimum: 0 };
const position = { type: "integer", minimum: 1 };
const strings = { type: "array", items: { type: "string" } };

const documentSchema = {
  type: "object",
  required: ["file", "frontMatterLines", "frontMatter", "frontMatterKeyLines", "sections", "problems", "usable", "contentHash", "text"],
  properties: {
    file: { type: "string" },
    frontMatterLines: count,
    frontMatter: { type: "object" },
    frontMatterKeyLines: { type: "object", additionalProperties: count },
    sections: {
      type: "array",
      items: {
        type: "object",
        required: ["index", "level", "title", "ids", "explicitIds", "anchor", "line", "column", "endLine", "parent", "nodes"],
        properties: {
          index: count,
          level: { type: "integer", minimum: 0, maximum: 6 },
          title: { type: "string" },
          ids: strings,
          explicitIds: strings,
          anchor: { type: "string" },
          line: position,
          column: position,
          endLine: count,
          parent: { type: "integer", minimum: -1 },
          nodes: { type: "array", items: { type: "object", required: ["type"], properties: { type: { type: "string" } } } },
        },
      },
    },
    problems: {
      type: "array",
      items: {
        type: "object",
        required: ["ruleId", "message"],
        properties: { ruleId: { type: "string" }, message: { type: "string" }, line: position, column: position, data: { type: "object" } },
      },
    },
    usable: { type: "boolean" },
    contentHash: { type: "string" },
    text: { type: "string" },
  },
};

const articleSchema = {
  type: "object",
  required: ["result", "dependencies"],
  properties: {
    result: {
      type: "object",
      required: ["findings", "outline", "history"],
      properties: {
        findings: { type: "array", items: { $ref: "report#/definitions/finding" } },
        outline: { $ref: "report#/definitions/articleOutline" },
        history: {
          type: "object",
          required: ["gaps", "unknownPins", "importedPins"],
          properties: {
            gaps: { type: "object", additionalProperties: { type: "object", required: ["count", "example"], properties: { count, example: { type: "string" } } } },
            unknownPins: count,
            importedPins: count,
          },
        },
      },
    },
    dependencies: { type: "array", items: { type: "object", required: ["file", "hash"], properties: { file: { type: "string" }, hash: { type: "string" } } } },
  },
};

/** `schema/` sits two folders up from both `src/engine/` and `dist/engine/`. */
const REPORT_SCHEMA = new URL("../../schema/report.schema.json", import.meta.url);

export interface CacheValidators {
  document: ValidateFunction<ParsedDocument>;
  article: ValidateFunction<CachedArticle>;
}

export function compileCacheValidators(): CacheValidators {
  const ajv = new Ajv({ strict: false });
  ajv.addSchema(JSON.parse(readFileSync(REPORT_SCHEMA, "utf8")) as object, "report");
  return { document: ajv.compile<ParsedDocument>(documentSchema), article: ajv.compile<CachedArticle>(articleSchema) };
}
