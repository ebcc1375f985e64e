import { InvalidArgumentError, Option, type Command } from "commander";
import { availableParallelism } from "node:os";
import type { RuleLevel } from "../../engine/rule-settings.js";
import path from "node:path";
import { DEFAULT_CACHE_DIR } from "../../engine/cache.js";
import type { Shard } from "../../engine/run.js";
import { check } from "../../index.js";
import { FORMATS, loadReporter, type Format } from "../../reporters/index.js";
import { printable, summaryLine } from "../../reporters/text.js";
import { RULES } from "../../rules/index.js";
import { useColor, type CliIo, type CommandOutcome } from "../io.js";
import { cacheDirectory, collect, commonCheckOptions, parseCount, parseShard, withCommonOptions, type CommonFlags } from "../options.js";
import { FAIL_ON, failed, SUPPRESSIONS_FILE, withSuppressions, writeOutput, type FailOn } from "../output.js";
import { withProgress } from "../progress.js";

interface CheckFlags extends CommonFlags {
  article: string[];
  format?: Format;
  output?: string;
  failOn: FailOn;
  workers?: number;
  workerHeap?: number;
  packReport?: boolean;
  cacheDir?: string;
  cache: boolean;
  shard?: Shard;
  changedSince?: string;
  suppressions?: string | true;
  /** The old name of `--suppressions`, kept for the GitHub Action and existing workflows. */
  baseline?: string | true;
  verbose?: boolean;
  rule: Record<string, RuleLevel>;
}

export function registerCheck(program: Command, io: CliIo, outcome: CommandOutcome): void {
  withCommonOptions(program.command("check").description("check translations against their sources and print the findings"))
    .option("--article <glob>", "only articles matching the glob (relative to the source directory); repeatable", collectArticle, [])
    .addOption(new Option("--format <format>", "output format (default: github in GitHub Actions, else text)").choices(FORMATS))
    .option("--output <file>", "write the output to a file instead of standard output")
    .addOption(new Option("--fail-on <severity>", "lowest severity of a translation error (or a problem in a source) that fails the check").choices(FAIL_ON).default("error"))
    .option("--workers <count>", "worker threads (0: none; default: by the size of the tree)", parseCount)
    .option("--worker-heap <MiB>", "bound each worker thread's heap (at least 64): less memory, more time collecting it", parseHeapSize)
    .option("--pack-report", "hold the whole report deflated while it is built and written: less memory, more time (default: what this run checked; what it read from the cache, from 10,000 files)")
    .option("--no-pack-report", "hold the report as objects, however large the tree")
    .option("--cache-dir <dir>", `cache of parsed documents and results (default: ${DEFAULT_CACHE_DIR})`)
    .option("--no-cache", "neither read nor write the cache")
    .option("--shard <i/n>", "check only the i-th of n equal shares of the articles; join the JSON with `merge`", parseShard)
    .option("--changed-since <ref>", "check only articles whose source or a translation changed since the git ref, and those linking to them")
    .option("--suppressions [file]", `fail only on findings not in the known findings file (default: ${SUPPRESSIONS_FILE}; record it with \`suppress\`)`)
    .option("--baseline [file]", "alias of --suppressions (its former name)")
    .option("--rule <id=level>", "a rule's level for this run, over the configuration's (off, info, warning, error), such as pin-not-updated=warning; repeatable", collectRule, {})
    .option("--verbose", "text format: list every finding after the verdict, as file:line:col lines")
    .action(async (flags: CheckFlags) => {
      const options = {
        ...commonCheckOptions(flags, io),
        ...(Object.keys(flags.rule).length > 0 && { rules: flags.rule }),
        ...(flags.workers !== undefined && { workers: cappedWorkers(io, flags.workers) }),
        ...(flags.workerHeap !== undefined && { workerHeapMb: flags.workerHeap }),
        ...(flags.packReport !== undefined && { packReport: flags.packReport }),
        ...(flags.cache && cacheDirectory(io.cwd, flags.cacheDir)),
        ...(flags.shard && { shard: flags.shard }),
        ...(flags.changedSince !== undefined && { changedSince: flags.changedSince }),
        ...(flags.article.length > 0 && { articles: flags.article }),
      };
      const checked = await withProgress(io, (onProgress) => check({ ...options, onProgress }));
      const suppressions = flags.suppressions ?? flags.baseline;
      const report = suppressions === undefined ? checked : await withSuppressions(checked, path.resolve(io.cwd, flags.root), suppressions);
      if (report.suppressions?.notice !== undefined) io.stderr(`l10n-drift: ${printable(report.suppressions.notice)}\n`);
      const format = flags.format ?? defaultFormat(io);
      // Only the github format is meant as workflow commands; everything else printed in a GitHub
      // Actions log has them neutralised (see main.ts).
      const printer = format === "github" ? { ...io, stdout: io.workflowCommands ?? io.stdout } : io;
      const fails = failed(report, flags.failOn);
      const render = await loadReporter(format);
      await writeOutput(printer, render(report, { color: !flags.output && useColor(io), rules: RULES, failed: fails, ...(flags.verbose && { verbose: true }) }), flags.output);
      if (flags.output) io.stderr(`${summaryLine(report, undefined, fails)}\n`);
      outcome.exitCode = fails ? 1 : 0;
    });
}

/**
 * More threads than cores only cost memory (each holds its own parser, git log index and
 * `cat-file` process: `--workers 99999` took 10 GB), so the count is capped, and the cap said once.
 */
function cappedWorkers(io: Pick<CliIo, "stderr">, requested: number): number {
  const cpus = availableParallelism();
  if (requested <= cpus) return requested;
  io.stderr(`l10n-drift: --workers ${requested} is more than the ${cpus} CPUs; using ${cpus}\n`);
  return cpus;
}

function collectArticle(value: string, previous: string[]): string[] {
  if (value.trim() === "") throw new InvalidArgumentError("expected a glob or path, not an empty string");
  return collect(value, previous);
}

/** GitHub Actions shows workflow commands as annotations on the pull request. */
function defaultFormat(io: Pick<CliIo, "env">): Format {
  return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
}

function collectRule(value: string, previous: Record<string, RuleLevel>): Record<string, RuleLevel> {
  const match = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected id=level, such as pin-not-updated=warning (levels: off, info, warning, error)");
  if (!RULES.some((rule) => rule.id === match[1])) throw new InvalidArgumentError(`unknown rule \`${match[1]}\`; \`l10n-drift rules\` lists them`);
  return { ...previous, [match[1]!]: match[2] as RuleLevel };
}

/** Below 64 MiB a worker may not even load its modules. */
function parseHeapSize(value: string): number {
  const size = parseCount(value);
  if (size < 64) throw new InvalidArgumentError("expected at least 64 (MiB)");
  return size;
}
