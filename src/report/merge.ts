import { DriftError } from "../errors.js";
import type { Report } from "../model/report.js";
import { compareText } from "../util/compare-text.js";
import { sortFindings } from "./sort.js";
import { assignStates } from "./states.js";
import { summarize } from "./summary.js";

/**
 * Joins the reports of shards (`check --shard i/n`) into the report one unsharded run gives, byte
 * for byte: findings re-sorted, articles in path order, the summary recomputed from both.
 */
export function mergeReports(reports: readonly Report[]): Report {
  const [first] = reports;
  if (first === undefined) throw new DriftError("USAGE", "merge needs at least one report");
  const locales = Object.keys(first.summary.byLocale);
  for (const report of reports) {
    if (report.schemaVersion !== 1) throw new DriftError("USAGE", `cannot merge a report of schema version ${String(report.schemaVersion)}`);
    if (report.tool.version !== first.tool.version) {
      throw new DriftError("USAGE", `cannot merge reports of l10n-drift ${first.tool.version} and ${report.tool.version}`);
    }
    if (Object.keys(report.summary.byLocale).join() !== locales.join()) {
      throw new DriftError("USAGE", "cannot merge reports of different locales: run every shard with the same --locale");
    }
  }
  const shardArticles = reports.flatMap((report) => report.articles).sort((a, b) => compareText(a.article, b.article));
  const seen = new Set<string>();
  for (const article of shardArticles) {
    if (seen.has(article.article)) throw new DriftError("USAGE", `article \`${article.article}\` is in more than one report: are two of them the same shard?`);
    seen.add(article.article);
  }
  // Findings about the whole run (how history went) are said by every shard; keep one of each.
  const runLevel = new Map<string, Report["findings"][number]>();
  for (const finding of reports.flatMap((report) => report.findings).filter((finding) => finding.article === "")) {
    if (!runLevel.has(finding.ruleId)) runLevel.set(finding.ruleId, finding);
  }
  const findings = sortFindings([...reports.flatMap((report) => report.findings.filter((finding) => finding.article !== "")), ...runLevel.values()]);
  const articles = assignStates(shardArticles, findings);
  return { schemaVersion: 1, tool: first.tool, summary: summarize(articles, locales, findings), findings, articles };
}
