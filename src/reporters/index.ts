import type { AnyRule } from "../model/rule.js";
import type { Report } from "../model/report.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStatus } from "./status.js";
import { formatText } from "./text.js";

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

/** Format → a pure function of the report. */
export const REPORTERS: Readonly<Record<Format, (report: Report, options: RenderOptions) => string>> = {
  text: (report, options) => formatText(report, { color: options.color, ...(options.verbose && { verbose: true }), ...(options.failed !== undefined && { failed: options.failed }) }),
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
  sarif: (report, options) => formatSarif(report, { rules: options.rules }),
  github: (report) => formatGithub(report),
  html: (report, options) => formatHtml(report, { rules: options.rules, ...(report.repository && { repository: report.repository }) }),
};

/** What `report` writes, by file name, in this order; none in colour. */
export const REPORT_FILES: ReadonlyArray<{ file: string; render: (report: Report, options: Pick<RenderOptions, "rules">) => string }> = [
  { file: "drift.json", render: (report, options) => REPORTERS.json(report, { ...options, color: false }) },
  { file: "drift.md", render: (report, options) => REPORTERS.markdown(report, { ...options, color: false }) },
  { file: "drift.sarif", render: (report, options) => REPORTERS.sarif(report, { ...options, color: false }) },
  { file: "index.html", render: (report, options) => REPORTERS.html(report, { ...options, color: false }) },
  { file: "status.json", render: (report) => formatStatus(report) },
];
