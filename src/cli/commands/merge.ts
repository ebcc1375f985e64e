import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Option, type Command } from "commander";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DriftError } from "../../errors.js";
import type { Report } from "../../model/report.js";
import { mergeReports } from "../../report/merge.js";
import { loadReporter } from "../../reporters/index.js";
import { RULES } from "../../rules/index.js";
import { useColor, type CliIo } from "../io.js";
import { resolveRun } from "../../engine/resolve-run.js";
import { CONFIG_HELP, DEBUG_HELP } from "../options.js";
import { NotARegularFile, readRegularFile } from "../../io/regular-file.js";
import { writeOutput } from "../output.js";
import { packageFile } from "../../package-files.js";

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
      const validate = await reportValidator();
      const reports = await Promise.all(files.map((file) => readReport(path.resolve(io.cwd, file), validate)));
      const run = await resolveRun({ root: path.resolve(io.cwd, flags.root), ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }) });
      const merged = mergeReports(reports, run.rules);
      const render = await loadReporter(flags.format);
      await writeOutput(io, render(merged, { color: !flags.output && useColor(io), rules: RULES }), flags.output);
    });
}

/** A shard of the largest trees is a few hundred MB of JSON; past this it is not a shard. */
const MAX_SHARD_BYTES = 1024 * 1024 * 1024;

/** The schema the JSON report keeps, shipped in the package beside `dist/`. */
const REPORT_SCHEMA = packageFile("schema/report.schema.json");

/**
 * A shard is read like any input, a regular file of bounded size, and must be a report the
 * schema accepts before it is merged: a forged or damaged shard (a severity `constructor`, a
 * summary missing) would otherwise corrupt the merged counts or stop the merge halfway.
 */
async function readReport(file: string, validate: ValidateFunction): Promise<Report> {
  let bytes: Uint8Array | undefined;
  try {
    const read = await readRegularFile(file, MAX_SHARD_BYTES);
    if (read.bytes === undefined) throw new DriftError("IO_FAILED", `cannot read \`${file}\` (${read.size} bytes, over the limit of ${MAX_SHARD_BYTES})`);
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof DriftError) throw error;
    const reason = error instanceof NotARegularFile ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
    throw new DriftError("IO_FAILED", `cannot read \`${file}\` (${reason})`, undefined, { cause: error });
  }
  let report: unknown;
  try {
    report = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new DriftError("IO_FAILED", `\`${file}\` is not an l10n-drift JSON report (not valid JSON)`);
  }
  if (!validate(report)) throw new DriftError("IO_FAILED", `\`${file}\` is not an l10n-drift JSON report: ${describe(validate.errors?.[0])}`);
  return report as Report;
}

async function reportValidator(): Promise<ValidateFunction> {
  const ajv = new Ajv({ allErrors: false, strict: false });
  return ajv.compile(JSON.parse(await readFile(REPORT_SCHEMA, "utf8")) as object);
}

/** The first schema error, as a path and what was expected (values from the shard are not quoted). */
function describe(error: ErrorObject | undefined): string {
  if (error === undefined) return "it does not match schema/report.schema.json";
  return `${error.instancePath === "" ? "(top level)" : error.instancePath} ${error.message ?? error.keyword}`;
}
