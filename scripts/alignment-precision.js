#!/usr/bin/env node
// Measures section alignment against the hand-judged truth in docs/alignment-truth.json: pairing
// precision of non-anchor pairings, and missing-section precision and recall. Uses the built dist/
// (or another build, to measure before a change); never part of `npm test`.
//
//   npm run alignment -- [CORPUS_DIR] [--dist DIR]   default corpus: $L10N_DRIFT_CORPUS, else ../shared/corpus
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = path.resolve(distAt === -1 ? path.join(repoRoot, "dist") : args.splice(distAt, 2)[1]);
const corpus = path.resolve(args[0] ?? process.env.L10N_DRIFT_CORPUS ?? path.join(repoRoot, "../shared/corpus"));
const { check } = await import(pathToFileURL(path.join(dist, "index.js")).href);
const truth = JSON.parse(fs.readFileSync(path.join(repoRoot, "docs/alignment-truth.json"), "utf8"));

const key = (...parts) => parts.join("\u0000");
const judged = new Map(truth.pairs.map((pair) => [key(pair.article, pair.locale, pair.source.line, pair.translation.line), pair.same]));
const truePairSources = new Set(truth.pairs.filter((pair) => pair.same).map((pair) => key(pair.article, pair.locale, pair.source.line)));

const report = await check({ root: corpus });
const pairing = { same: 0, different: 0, unjudged: [] };
const present = new Set();
const headings = [];
for (const article of report.articles) {
  for (const translation of article.translations) {
    if (translation.status !== "translated") continue;
    for (const section of article.sections) headings.push(key(article.article, translation.locale, section.line));
    for (const row of translation.rows) {
      if (row.source === undefined || row.translation === undefined) continue;
      const sourceLine = article.sections[row.source].line;
      if (row.method === "anchor") {
        present.add(key(article.article, translation.locale, sourceLine));
        continue;
      }
      const verdict = judged.get(key(article.article, translation.locale, sourceLine, row.translation.line));
      if (verdict === undefined) pairing.unjudged.push(`${translation.locale} ${article.article}:${sourceLine} ↔ :${row.translation.line}`);
      else if (verdict) pairing.same++;
      else pairing.different++;
    }
  }
}
const trulyMissing = new Set(headings.filter((heading) => !present.has(heading) && !truePairSources.has(heading)));
const reported = report.findings.filter((finding) => finding.ruleId === "missing-section").map((finding) => key(finding.article, finding.locale, finding.related[0].line));
const hits = reported.filter((heading) => trulyMissing.has(heading)).length;
const ratio = (a, b) => (b === 0 ? "n/a" : (a / b).toFixed(3));

const lines = [
  `dist: ${path.relative(repoRoot, dist) || "."}`,
  `non-anchor pairings: ${pairing.same + pairing.different + pairing.unjudged.length} (same ${pairing.same}, different ${pairing.different}, unjudged ${pairing.unjudged.length})`,
  `pairing precision: ${ratio(pairing.same, pairing.same + pairing.different)}`,
  `missing-section: reported ${reported.length}, truly missing ${trulyMissing.size}, reported and truly missing ${hits}`,
  `missing-section precision: ${ratio(hits, reported.length)}  recall: ${ratio(hits, trulyMissing.size)}`,
  `extra-section: reported ${report.findings.filter((finding) => finding.ruleId === "extra-section").length}`,
  ...pairing.unjudged.map((pair) => `  unjudged: ${pair}`),
];
process.stdout.write(`${lines.join("\n")}\n`);
