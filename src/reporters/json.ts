import type { Report } from "../model/report.js";
import { jsonText, jsonTextChunks } from "./escape.js";

/** The report as published: schema v1, keys in the order the engine builds them, one trailing newline. */
export function formatJson(report: Report): string {
  return jsonText(report);
}

/** The same text in pieces, for writing: the report's JSON is never one string (see `jsonTextChunks`). */
export function formatJsonChunks(report: Report): Iterable<string> {
  return jsonTextChunks(report);
}
