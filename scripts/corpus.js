#!/usr/bin/env node
// Runs l10n-drift (the built dist/) over a corpus of real translated articles and writes the
// number of findings per rule, severity and locale to stdout and reports/corpus.json. Used to
// measure precision by hand (docs/accuracy.md); never part of `npm test`.
//
//   npm run corpus [-- CORPUS_DIR]      default: $L10N_DRIFT_CORPUS, else ../shared/corpus
import path from "node:path";
import { fileURLToPath } from "node:url";
import { check, RULES } from "../dist/index.js";
import { writeFileAtomic } from "../dist/util/atomic-write.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(process.argv[2] ?? process.env.L10N_DRIFT_CORPUS ?? path.join(repoRoot, "../shared/corpus"));

const report = await check({ root: corpus });
const byRule = {};
for (const rule of RULES) byRule[rule.id] = { error: 0, warning: 0, info: 0, total: 0, byLocale: {} };
for (const finding of report.findings) {
  const counts = byRule[finding.ruleId];
  counts[finding.severity]++;
  counts.total++;
  counts.byLocale[finding.locale] = (counts.byLocale[finding.locale] ?? 0) + 1;
}
for (const counts of Object.values(byRule)) {
  counts.byLocale = Object.fromEntries(Object.entries(counts.byLocale).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
const summary = {
  tool: report.tool,
  articles: report.summary.articles,
  translations: report.summary.translations,
  locales: Object.keys(report.summary.byLocale),
  counts: report.summary.counts,
  byRule,
};
await writeFileAtomic(path.join(repoRoot, "reports/corpus.json"), `${JSON.stringify(summary, null, 2)}\n`);

const width = Math.max(...RULES.map((rule) => rule.id.length));
const lines = [`${"rule".padEnd(width)}  error  warning   info  total`];
for (const [id, counts] of Object.entries(byRule)) {
  lines.push(`${id.padEnd(width)}  ${String(counts.error).padStart(5)}  ${String(counts.warning).padStart(7)}  ${String(counts.info).padStart(5)}  ${String(counts.total).padStart(5)}`);
}
lines.push(`${report.findings.length} findings in ${report.summary.articles} articles, ${report.summary.translations} translations; wrote reports/corpus.json`);
process.stdout.write(`${lines.join("\n")}\n`);
