import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import path from "node:path";
import { toPosix } from "../util/posix-path.js";
import { existsSync } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { starterConfig } from "../config/init.js";
import { CONFIG_FILE } from "../config/load.js";
import { resolveRun } from "../engine/resolve-run.js";
import { applyBaseline, BASELINE_FILE, createBaseline, parseBaseline } from "../report/suppressions.js";
import { DEFAULT_CACHE_DIR } from "../engine/cache.js";
import { mergeReports } from "../report/merge.js";
import type { Shard } from "../engine/run.js";
import { createProgressBar } from "./progress.js";
import { DriftError } from "../errors.js";
import { check, workLists, type CheckOptions } from "../index.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { SEVERITY_RANK, type Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { formatGithub } from "../reporters/github.js";
import { formatHtml } from "../reporters/html.js";
import { formatJson } from "../reporters/json.js";
import { formatMarkdown } from "../reporters/markdown.js";
import { formatStatus } from "../reporters/status.js";
import { formatSarif } from "../reporters/sarif.js";
import { formatText, summaryLine } from "../reporters/text.js";
import { formatStatus as formatWorkStatus, formatWorkLists } from "../reporters/worklist.js";
import { RULES } from "../rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";

/** Where the CLI reads and writes: the process in production, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  /** Whether standard error is a terminal, for the progress bar; false when absent. */
  stderrIsTty?: boolean;
  /** Milliseconds, for the progress bar's elapsed time; `performance.now` when absent. */
  now?: () => number;
  cwd: string;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  now: () => performance.now(),
  cwd: process.cwd(),
};

type FailOn = Severity | "never";

const FORMATS = ["text", "json", "markdown", "sarif", "github", "html"] as const;
type Format = (typeof FORMATS)[number];

const EXAMPLES = `
Examples:
  $ l10n-drift check                       check ./articles against every folder in ./locales
  $ l10n-drift check --locale de-DE        one locale, by folder name or BCP 47 code
  $ l10n-drift check --article 'expressroute/**' --format json --output drift.json
  $ l10n-drift check --format sarif --output drift.sarif   for GitHub code scanning
  $ l10n-drift report --root docs          write docs/reports/drift.json, .md, .sarif and index.html

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or I/O error.`;

/** Runs the CLI and returns the exit code; only the bin script sets it on the process. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let debug = argv.includes("--debug");
  let exitCode = 0;
  const program = new Command(TOOL_NAME)
    .description("Find drift between source articles and their translations, section by section.")
    .version(TOOL_VERSION, "-v, --version")
    .option("--debug", "print stack traces for internal errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError();

  program
    .command("check")
    .description("check translations against their sources and print the findings")
    .option("--root <dir>", "tree to check (layout from its configuration or preset)", ".")
    .option("--config <file>", "configuration file (default: l10n-drift.config.json, or package.json \"l10n-drift\")")
    .option("--locale <list>", "comma-separated locales (folder name or BCP 47 code); repeatable", collectList, [])
    .option("--article <glob>", "only articles matching the glob (relative to articles/); repeatable", collect, [])
    .addOption(new Option("--format <format>", "output format (default: github in GitHub Actions, else text)").choices(FORMATS))
    .option("--output <file>", "write the output to a file instead of standard output")
    .addOption(new Option("--fail-on <severity>", "lowest severity that fails the check").choices(["error", "warning", "info", "never"]).default("error"))
    .option("--workers <count>", "worker threads (0: none; default: by the size of the tree)", parseCount)
    .option("--cache-dir <dir>", `cache of parsed documents and results (default: ${DEFAULT_CACHE_DIR})`)
    .option("--no-cache", "neither read nor write the cache")
    .option("--shard <i/n>", "check only the i-th of n equal shares of the articles; join the JSON with `merge`", parseShard)
    .option("--no-history", "do not read git history: compare dates, as without a repository, and say nothing of it")
    .option("--changed-since <ref>", "check only articles whose source or a translation changed since the git ref, and those linking to them")
    .option("--baseline [file]", `fail only on findings not in the baseline (default file: ${BASELINE_FILE})`)
    .action(async (flags: CheckFlags) => {
      const checked = await checkWithProgress(checkOptions(flags, io), io);
      const report = flags.baseline === undefined ? checked : await withBaseline(checked, path.resolve(io.cwd, flags.root), flags.baseline);
      if (report.suppressions?.notice !== undefined) io.stderr(`l10n-drift: ${report.suppressions.notice}\n`);
      const output = format(report, flags.format ?? defaultFormat(io), !flags.output && useColor(io));
      if (flags.output) {
        await writeFileAtomic(path.resolve(io.cwd, flags.output), output);
        io.stderr(`${summaryLine(report)}\n`);
      } else {
        io.stdout(output);
      }
      exitCode = failed(report, flags.failOn) ? 1 : 0;
    });

  program
    .command("report")
    .description("write drift.json, drift.md, drift.sarif, index.html and status.json to the reports directory and print a summary per locale")
    .option("--root <dir>", "tree to check (layout from its configuration or preset)", ".")
    .option("--config <file>", "configuration file (default: l10n-drift.config.json, or package.json \"l10n-drift\")")
    .option("--out <dir>", "directory for the reports (default: <root>/reports)")
    .option("--no-history", "do not read git history")
    .action(async (flags: { root: string; config?: string; out?: string; history: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const options = { root, ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }), ...cacheDirectory(io.cwd, undefined), ...(!flags.history && { history: false }) };
      const report = await checkWithProgress(options, io);
      const out = flags.out ? path.resolve(io.cwd, flags.out) : path.join(root, "reports");
      const written = await writeReports(report, out);
      io.stdout(localeSummary(report));
      io.stdout(`${summaryLine(report)}\nWrote ${written.map((file) => path.relative(io.cwd, file) || file).join(", ")}\n`);
    });

  program
    .command("baseline")
    .description(`record today's findings in ${BASELINE_FILE}, so that check --baseline fails only on new ones`)
    .option("--root <dir>", "tree to check (layout from its configuration or preset)", ".")
    .option("--config <file>", "configuration file")
    .option("--output <file>", `where to write the baseline (default: <root>/${BASELINE_FILE})`)
    .option("--no-history", "do not read git history")
    .action(async (flags: { root: string; config?: string; output?: string; history: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const report = await check({ root, ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }), ...cacheDirectory(io.cwd, undefined), ...(!flags.history && { history: false }) });
      const target = flags.output ? path.resolve(io.cwd, flags.output) : path.join(root, BASELINE_FILE);
      await writeFileAtomic(target, `${JSON.stringify(createBaseline(report), null, 2)}\n`);
      io.stdout(`Recorded ${report.findings.length} findings in ${path.relative(io.cwd, target) || target}\n`);
    });

  program
    .command("merge")
    .description("join the JSON reports of shards (check --shard i/n --format json) into one")
    .argument("<reports...>", "JSON reports of the shards")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("json"))
    .option("--output <file>", "write the output to a file instead of standard output")
    .option("--root <dir>", "tree the shards checked, for its configuration (run-level rules run once on the merged facts)", ".")
    .option("--config <file>", "configuration file (default: l10n-drift.config.json, or package.json \"l10n-drift\")")
    .action(async (files: string[], flags: { format: "text" | "json"; output?: string; root: string; config?: string }) => {
      const reports = await Promise.all(files.map((file) => readReport(path.resolve(io.cwd, file))));
      const root = path.resolve(io.cwd, flags.root);
      // Run-level rules run once on the merged facts, with the configured levels and the layout's keys.
      const run = await resolveRun({ root, ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }) });
      const merged = mergeReports(reports, run.rules);
      const output = flags.format === "json" ? formatJson(merged) : formatText(merged, { color: !flags.output && useColor(io) });
      if (flags.output) await writeFileAtomic(path.resolve(io.cwd, flags.output), output);
      else io.stdout(output);
    });

  program
    .command("init")
    .description(`write a starter ${CONFIG_FILE} for the tree, with the layout preset it detects`)
    .option("--root <dir>", "tree to configure", ".")
    .option("--force", "replace an existing configuration file")
    .action(async (flags: { root: string; force?: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const target = path.join(root, CONFIG_FILE);
      if (!flags.force && (await exists(target))) throw new DriftError("USAGE", `${CONFIG_FILE} exists already; use --force to replace it`);
      const config = await starterConfig(root);
      await writeFileAtomic(target, `${JSON.stringify(config, null, 2)}\n`);
      io.stdout(`Wrote ${path.relative(io.cwd, target) || CONFIG_FILE} (preset \`${config.preset}\`)\n`);
    });

  program
    .command("diff")
    .description("what to translate in one article: source sections added, changed (with a diff) and removed since each translation's baseline")
    .argument("<article>", "the article, relative to articles/")
    .option("--root <dir>", "tree with articles/ and locales/<locale>/", ".")
    .option("--locale <list>", "comma-separated locales (folder name or BCP 47 code); repeatable", collectList, [])
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (article: string, flags: WorkFlags) => {
      const relative = article.replace(/^\.?\/?articles\//, "");
      const lists = await workLists({ ...workOptions(flags, io), articles: [relative] });
      if (lists.length === 0) throw new DriftError("USAGE", `no article \`${relative}\` in \`articles/\``);
      io.stdout(flags.format === "json" ? `${JSON.stringify(lists, null, 2)}\n` : formatWorkLists(lists, { color: useColor(io) }));
    });

  program
    .command("status")
    .description("per locale, the translations with work to do, largest first")
    .option("--root <dir>", "tree with articles/ and locales/<locale>/", ".")
    .option("--locale <list>", "comma-separated locales (folder name or BCP 47 code); repeatable", collectList, [])
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (flags: WorkFlags) => {
      const lists = await workLists(workOptions(flags, io));
      io.stdout(flags.format === "json" ? `${JSON.stringify(lists, null, 2)}\n` : formatWorkStatus(lists, { color: useColor(io) }));
    });

  program
    .command("rules")
    .description("list the rules with their default severity")
    .action(() => {
      for (const rule of RULES) io.stdout(`${rule.id.padEnd(22)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    debug = program.opts<{ debug?: boolean }>().debug === true;
    return exitCode;
  } catch (error) {
    return reportError(error, debug, io);
  }
}

interface CheckFlags {
  root: string;
  config?: string;
  workers?: number;
  cacheDir?: string;
  cache: boolean;
  shard?: Shard;
  baseline?: string | true;
  changedSince?: string;
  history: boolean;
  locale: string[];
  article: string[];
  format?: Format;
  output?: string;
  failOn: FailOn;
}

interface WorkFlags {
  root: string;
  locale: string[];
  format: "text" | "json";
}

function workOptions(flags: WorkFlags, io: CliIo): CheckOptions {
  return { root: path.resolve(io.cwd, flags.root), ...(flags.locale.length > 0 && { locales: flags.locale }) };
}

function checkOptions(flags: CheckFlags, io: CliIo): CheckOptions {
  return {
    root: path.resolve(io.cwd, flags.root),
    ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }),
    ...(flags.workers !== undefined && { workers: flags.workers }),
    ...(flags.cache && cacheDirectory(io.cwd, flags.cacheDir)),
    ...(flags.shard && { shard: flags.shard }),
    ...(flags.changedSince !== undefined && { changedSince: flags.changedSince }),
    ...(!flags.history && { history: false }),
    ...(flags.locale.length > 0 && { locales: flags.locale }),
    ...(flags.article.length > 0 && { articles: flags.article }),
  };
}

async function checkWithProgress(options: CheckOptions, io: CliIo): Promise<Report> {
  const bar = createProgressBar({ write: io.stderr, isTty: io.stderrIsTty === true, env: io.env, now: io.now ?? (() => performance.now()) });
  try {
    return await check({ ...options, onProgress: bar.update });
  } finally {
    bar.finish();
  }
}

/** GitHub Actions shows workflow commands as annotations on the pull request. */
function defaultFormat(io: Pick<CliIo, "env">): Format {
  return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
}

function format(report: Report, name: Format, color: boolean): string {
  switch (name) {
    case "text":
      return formatText(report, { color });
    case "json":
      return formatJson(report);
    case "markdown":
      return formatMarkdown(report);
    case "sarif":
      return formatSarif(report, { rules: RULES });
    case "github":
      return formatGithub(report);
    case "html":
      return formatHtml(report, { rules: RULES });
  }
}

/** What `report` writes, by file name. */
const REPORT_FILES: ReadonlyArray<[string, (report: Report) => string]> = [
  ["drift.json", (report) => format(report, "json", false)],
  ["drift.md", (report) => format(report, "markdown", false)],
  ["drift.sarif", (report) => format(report, "sarif", false)],
  ["index.html", (report) => format(report, "html", false)],
  ["status.json", formatStatus],
];

async function writeReports(report: Report, out: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, render] of REPORT_FILES) {
    const target = path.join(out, name);
    await writeFileAtomic(target, render(report));
    written.push(target);
  }
  return written;
}

function localeSummary(report: Report): string {
  const lines = ["locale  translations  errors  warnings  info  sections"];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    const { error, warning, info } = summary.counts;
    lines.push(
      `${locale.padEnd(6)}  ${`${summary.translations}/${summary.articles}`.padStart(12)}  ${String(error).padStart(6)}  ${String(warning).padStart(8)}  ${String(info).padStart(4)}  ${`${summary.coveragePercent}%`.padStart(8)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** With a baseline, only new findings fail the check. */
function failed(report: Report, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((finding) => finding.suppression !== "known" && SEVERITY_RANK[finding.severity] >= threshold);
}

async function withBaseline(report: Report, root: string, requested: string | true): Promise<Report> {
  const file = requested === true ? path.join(root, BASELINE_FILE) : path.resolve(root, requested);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "; record one with `l10n-drift baseline`" : "";
    throw new DriftError("CONFIG_INVALID", `cannot read the baseline \`${path.relative(root, file) || file}\` (${code ?? String(error)})${hint}`);
  }
  return applyBaseline(report, parseBaseline(text, path.relative(root, file)), toPosix(path.relative(root, file)));
}


/** NO_COLOR wins, then FORCE_COLOR, then whether standard output is a terminal. */
export function useColor(io: Pick<CliIo, "env" | "stdoutIsTty">): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.stdoutIsTty;
}

/**
 * `--cache-dir`, else `node_modules/.cache/l10n-drift` where the working directory has a
 * node_modules (as CI jobs that installed the tool do); a docs tree without one gets no cache
 * rather than a new node_modules folder.
 */
function cacheDirectory(cwd: string, requested: string | undefined): { cacheDir: string } | undefined {
  if (requested !== undefined) return { cacheDir: path.resolve(cwd, requested) };
  return existsSync(path.join(cwd, "node_modules")) ? { cacheDir: path.join(cwd, DEFAULT_CACHE_DIR) } : undefined;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError("expected i/n with 1 ≤ i ≤ n, such as 2/4");
  return { index, count };
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

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").map((item) => item.trim()).filter((item) => item !== "")];
}

function reportError(error: unknown, debug: boolean, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version exit through here too, with code 0.
    if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    io.stderr(`${TOOL_NAME}: USAGE ${error.message.replace(/^error: /, "")}\n`);
    return 2;
  }
  if (error instanceof DriftError) {
    io.stderr(`${TOOL_NAME}: ${error.code} ${error.message}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${TOOL_NAME}: INTERNAL ${message}${debug ? "" : " (run with --debug for details)"}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 2;
}
