import type { Report } from "../model/report.js";

/** The report as published: schema v1, keys in the order the engine builds them, one trailing newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
