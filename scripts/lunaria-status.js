#!/usr/bin/env node
// Runs Lunaria (@lunariajs/core, a dev dependency) with a project's own lunaria.config.json and
// writes every file × locale it tracks as JSON, for scripts/states.js to compare with:
//
//   (cd PROJECT && node …/scripts/lunaria-status.js lunaria.config.json) > lunaria.json
import { readFileSync } from "node:fs";
import { lunaria } from "@lunariajs/core";

const config = JSON.parse(readFileSync(process.argv[2] ?? "lunaria.config.json", "utf8"));
// Only the status is wanted: no dashboard is built.
delete config.$schema;
delete config.dashboard;
delete config.renderer;
const status = await lunaria(config);
const entries = [];
for (const file of status) {
  for (const [lang, entry] of Object.entries(file.localizations)) {
    entries.push({ source: file.sharedPath, lang, isMissing: entry.isMissing === true, isOutdated: entry.isOutdated === true, path: entry.path });
  }
}
process.stdout.write(`${JSON.stringify(entries, null, 1)}\n`);
