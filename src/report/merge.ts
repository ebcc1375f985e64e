import type { ActiveRule } from "../engine/rule-settings.js";
import { runFindings } from "../engine/article.js";
import { DriftError } from "../errors.js";
import type { HistorySummary } from "../model/rule.js";
import type { Report, RunSummary } from "../model/report.js";
import { compareText } from "../util/compare-text.js";
import { sortFindings } from "./sort.js";
import { assignStates } from "./states.js";
import { summarize } from "./summary.js";

/**
 * Joins the reports of shards (`check --shard i/n`) into the report one unsharded run gives, byte
 * for byte: findings re-sorted, articles in path order, the summary recomputed from both. Findings
 * about the whole run are not taken from any shard: the shards' run facts are added up and the
 * run-level rules (`checkRun` among `rules`, the run's active rules) run once on the sum.
 */
export function mergeReports(reports: readonly Report[], rules: readonly ActiveRule[]): Report {
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
  const run = mergeRuns(reports);
  const articleFindings = reports.flatMap((report) => report.findings.filter((finding) => finding.article !== ""));
  const runLevel = run ? runFindings({ sourceDir: run.sourceDir, history: run.history }, rules, run.sourceLocale, run.sourceDir) : [];
  const findings = sortFindings([...articleFindings, ...runLevel]);
  const articles = assignStates(shardArticles, findings);
  return {
    schemaVersion: 1,
    tool: first.tool,
    summary: summarize(articles, locales, findings),
    ...(run && { run }),
    findings,
    articles,
  };
}

/** The run facts of the whole tree: counts added, the example the first file in path order. */
function mergeRuns(reports: readonly Report[]): RunSummary | undefined {
  const runs = reports.map((report) => report.run);
  const [first] = runs;
  if (runs.every((run) => run === undefined)) return undefined;
  if (first === undefined || runs.some((run) => run === undefined)) {
    throw new DriftError("USAGE", "cannot merge reports with and without run facts: run every shard with the same l10n-drift and options");
  }
  for (const run of runs as RunSummary[]) {
    if (run.sourceDir !== first.sourceDir || run.sourceLocale !== first.sourceLocale || run.history.state !== first.history.state || run.history.shallow !== first.history.shallow) {
      throw new DriftError("USAGE", "cannot merge reports of different trees or histories: run every shard on the same checkout with the same options");
    }
  }
  return { sourceDir: first.sourceDir, sourceLocale: first.sourceLocale, history: addHistories((runs as RunSummary[]).map((run) => run.history)) };
}

function addHistories(histories: readonly HistorySummary[]): HistorySummary {
  const gaps = new Map<string, HistorySummary["gaps"][number]>();
  for (const history of histories) {
    for (const gap of history.gaps) {
      const into = gaps.get(gap.reason);
      if (into === undefined) gaps.set(gap.reason, { ...gap });
      else {
        into.count += gap.count;
        if (compareText(gap.example, into.example) < 0) into.example = gap.example;
      }
    }
  }
  const [first] = histories;
  return {
    state: first!.state,
    shallow: first!.shallow,
    gaps: [...gaps.values()].sort((a, b) => compareText(a.reason, b.reason)),
    unknownPins: histories.reduce((total, history) => total + history.unknownPins, 0),
    importedPins: histories.reduce((total, history) => total + history.importedPins, 0),
  };
}
