import { Option, type Command } from "commander";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DriftError } from "../../errors.js";
import type { Report } from "../../model/report.js";
import { mergeReports } from "../../report/merge.js";
import { REPORTERS } from "../../reporters/index.js";
import { RULES } from "../../rules/index.js";
import { useColor, type CliIo } from "../io.js";
import { resolveRun } from "../../engine/resolve-run.js";
import { CONFIG_HELP, DEBUG_HELP } from "../options.js";
import { writeOutput } from "../output.js";

/**
 * Reads reports, and the tree's configuration only for the run-level rules, which run once on the
 * shards' summed facts with the configured levels and the layout's keys.
 */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command("merge")
    .description("join the JSON reports of shards (check --shard i/n --format json) into one")
    .argument("<reports...>", "JSON reports of the shards")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("json"))
    .option("--output <file>", "write the output to a file instead of standard output")
    .option("--root <dir>", "tree the shards checked, for its configuration", ".")
    .option("--config <file>", CONFIG_HELP)
    .option("--debug", DEBUG_HELP)
    .action(async (files: string[], flags: { format: "text" | "json"; output?: string; root: string; config?: string }) => {
      const reports = await Promise.all(files.map((file) => readReport(path.resolve(io.cwd, file))));
      const run = await resolveRun({ root: path.resolve(io.cwd, flags.root), ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }) });
      const merged = mergeReports(reports, run.rules);
      await writeOutput(io, REPORTERS[flags.format](merged, { color: !flags.output && useColor(io), rules: RULES }), flags.output);
    });
}

async function readReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DriftError("IO_FAILED", `cannot read \`${file}\` (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const report = JSON.parse(text) as Report;
    if (report.schemaVersion === undefined || !Array.isArray(report.findings)) throw new Error("no findings");
    return report;
  } catch {
    throw new DriftError("USAGE", `\`${file}\` is not an l10n-drift JSON report`);
  }
}
