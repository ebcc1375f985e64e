import type { AnyRule } from "../model/rule.js";
import type { Report } from "../model/report.js";

export const FORMATS = ["text", "json", "markdown", "sarif", "github", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** What every reporter may be given; each takes what it needs. Colour is decided by the caller. */
export interface RenderOptions {
  color: boolean;
  /** The rule registry: SARIF and HTML list every rule a run could report. */
  rules: readonly Pick<AnyRule, "id" | "severity" | "description">[];
  /** Text only: every finding after the verdict (`check --verbose`). */
  verbose?: boolean;
  /** Text only: whether the check fails, as the caller's policy decided. */
  failed?: boolean;
}

/** A reporter's text: whole, or in pieces that each end at a line end (JSON, which can be hundreds of megabytes). */
export type Rendered = string | Iterable<string>;

/** A pure function of the report. */
export type Reporter = (report: Report, options: RenderOptions) => Rendered;

/**
 * Format → its reporter, loaded when a run asks for it: a check writes one format, and need not
 * load the HTML reporter and its client script to write JSON.
 */
const REPORTERS: Readonly<Record<Format, () => Promise<Reporter>>> = {
  text: async () => {
    const { formatText } = await import("./text.js");
    return (report, options) => formatText(report, { color: options.color, ...(options.verbose && { verbose: true }), ...(options.failed !== undefined && { failed: options.failed }) });
  },
  json: async () => {
    const { formatJsonChunks } = await import("./json.js");
    return (report) => formatJsonChunks(report);
  },
  markdown: async () => {
    const { formatMarkdown } = await import("./markdown.js");
    return (report) => formatMarkdown(report);
  },
  sarif: async () => {
    const { formatSarif } = await import("./sarif.js");
    return (report, options) => formatSarif(report, { rules: options.rules });
  },
  github: async () => {
    const { formatGithub } = await import("./github.js");
    return (report) => formatGithub(report);
  },
  html: async () => {
    const { formatHtml } = await import("./html.js");
    return (report, options) => formatHtml(report, { rules: options.rules, ...(report.repository && { repository: report.repository }) });
  },
};

export function loadReporter(format: Format): Promise<Reporter> {
  return REPORTERS[format]();
}

const statusReporter = async (): Promise<Reporter> => {
  const { formatStatus } = await import("./status.js");
  return (report) => formatStatus(report);
};

/** What `report` writes, by file name, in this order; none in colour. */
export const REPORT_FILES: ReadonlyArray<{ file: string; load: () => Promise<Reporter> }> = [
  { file: "drift.json", load: REPORTERS.json },
  { file: "drift.md", load: REPORTERS.markdown },
  { file: "drift.sarif", load: REPORTERS.sarif },
  { file: "index.html", load: REPORTERS.html },
  { file: "status.json", load: statusReporter },
];
