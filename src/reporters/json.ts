import type { Report } from "../model/report.js";
import { jsonText } from "./escape.js";

/** The report as published: schema v1, keys in the order the engine builds them, one trailing newline. */
export function formatJson(report: Report): string {
  return jsonText(report);
}
