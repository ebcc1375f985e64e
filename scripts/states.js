#!/usr/bin/env node
// Checks a real repository with its history and prints the translation states per locale, the
// findings per rule and cause, and, given what the team's own tracker says, where the two agree.
// Used to measure the verdicts in docs/accuracy.md; never part of `npm test`.
//
//   npm run states -- --root DIR [--config FILE] [--locale de,fr] [--lunaria FILE] [--drifted FILE] [--json OUT]
//
// --lunaria FILE   JSON written by scripts/lunaria-status.js: [{ source, lang, isMissing, isOutdated }]
// --drifted FILE   lines of translation paths the team's script lists as drifted (OpenTelemetry's
//                  `scripts/check-i18n.sh` output: "> Drifted file: content/ja/…"); every other
//                  translation that exists counts as current by that script
// --json OUT       the disagreements, for reading by hand
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { check } from "../dist/index.js";

const args = parseArgs(process.argv.slice(2));
if (!args.root) {
  process.stderr.write("usage: node scripts/states.js --root DIR [--config FILE] [--locale LIST] [--lunaria FILE] [--drifted FILE] [--json OUT]\n");
  process.exit(2);
}
const root = path.resolve(args.root);
const report = await check({
  root,
  ...(args.config && { configFile: path.resolve(args.config) }),
  ...(args.locale && { locales: args.locale.split(",") }),
});

const STATES = ["current", "outdated", "broken", "missing", "unreadable", "untracked"];
const lines = [`${"locale".padEnd(8)}${STATES.map((state) => state.padStart(11)).join("")}`];
for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
  lines.push(`${locale.padEnd(8)}${STATES.map((state) => String(summary.states[state]).padStart(11)).join("")}`);
}
lines.push(`${"all".padEnd(8)}${STATES.map((state) => String(report.summary.states[state]).padStart(11)).join("")}`, "");

const byRule = new Map();
for (const finding of report.findings) {
  const key = finding.ruleId;
  const counts = byRule.get(key) ?? { translation: 0, upstream: 0, unknown: 0, total: 0 };
  counts[finding.cause ?? "unknown"]++;
  counts.total++;
  byRule.set(key, counts);
}
lines.push(`${"rule".padEnd(22)}${["translation", "upstream", "unknown", "total"].map((cause) => cause.padStart(12)).join("")}`);
for (const [rule, counts] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  lines.push(`${rule.padEnd(22)}${["translation", "upstream", "unknown", "total"].map((cause) => String(counts[cause]).padStart(12)).join("")}`);
}
lines.push(`${report.findings.length} findings in ${report.summary.articles} articles × ${report.summary.locales} locales`, "");

// The team's tracker, as states: done (current), outdated, missing.
const theirs = new Map();
if (args.lunaria) {
  for (const entry of JSON.parse(readFileSync(args.lunaria, "utf8"))) {
    theirs.set(`${entry.source}\0${entry.lang}`, entry.isMissing ? "missing" : entry.isOutdated ? "outdated" : "current");
  }
}
const drifted = args.drifted
  ? new Set(
      readFileSync(args.drifted, "utf8")
        .split("\n")
        .map((line) => line.replace(/^> Drifted file:\s*/, "").trim())
        .filter((line) => line !== "" && !line.startsWith("Processing")),
    )
  : undefined;
if (theirs.size > 0 || drifted) {
  const rows = [];
  const agreement = new Map();
  for (const article of report.articles) {
    for (const translation of article.translations) {
      const file = translation.file;
      let their;
      if (theirs.size > 0) their = theirs.get(`${article.file}\0${translation.locale}`);
      else if (translation.state === "missing") their = "missing";
      else their = drifted.has(file) ? "outdated" : "current";
      if (their === undefined) continue;
      // The tracker knows no translation errors: a broken translation that is also outdated agrees
      // with "outdated"; a broken one that is not is a disagreement with "done", read by hand.
      const ours = translation.state === "broken" && translation.outdated ? "outdated" : translation.state;
      const agrees = ours === their;
      const counts = agreement.get(translation.locale) ?? { agree: 0, total: 0, existingAgree: 0, existing: 0 };
      counts.total++;
      if (agrees) counts.agree++;
      // Missing pages agree trivially; what the two say of translations that exist is the test.
      if (translation.state !== "missing" && their !== "missing") {
        counts.existing++;
        if (agrees) counts.existingAgree++;
      }
      agreement.set(translation.locale, counts);
      rows.push({ article: article.article, locale: translation.locale, file: translation.file, ours: translation.state, ...(translation.outdated && { outdated: true }), theirs: their, agrees, ...(translation.work && { work: translation.work }) });
    }
  }
  const all = { agree: 0, total: 0, existingAgree: 0, existing: 0 };
  lines.push(`${"locale".padEnd(8)}  agree / compared with the team's tracker; of them, translations that exist`);
  const percent = (part, whole) => (whole === 0 ? "100" : ((part / whole) * 100).toFixed(1));
  for (const [locale, counts] of [...agreement].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`${locale.padEnd(8)}  ${counts.agree} / ${counts.total}; ${counts.existingAgree} / ${counts.existing}`);
    for (const key of Object.keys(all)) all[key] += counts[key];
  }
  lines.push(`${"all".padEnd(8)}  ${all.agree} / ${all.total} (${percent(all.agree, all.total)}%); existing ${all.existingAgree} / ${all.existing} (${percent(all.existingAgree, all.existing)}%)`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(rows.filter((row) => !row.agrees), null, 2)}\n`);
}
process.stdout.write(`${lines.join("\n")}\n`);

function parseArgs(argv) {
  const parsed = {};
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const name = flag.replace(/^--/, "").replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    parsed[name] = argv[++index];
  }
  return parsed;
}
