import { Command, CommanderError, Option } from "commander";
import path from "node:path";
import { DriftError } from "./errors.js";
import { check, workLists, type CheckOptions } from "./index.js";
import { writeFileAtomic } from "./io/atomic-write.js";
import { SEVERITY_RANK, type Severity } from "./model/finding.js";
import type { Report } from "./model/report.js";
import { formatJson } from "./reporters/json.js";
import { formatMarkdown } from "./reporters/markdown.js";
import { formatText, summaryLine } from "./reporters/text.js";
import { formatStatus, formatWorkLists } from "./reporters/worklist.js";
import { RULES } from "./rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "./version.js";

/** Where the CLI reads and writes: the process in production, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  cwd: string;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  cwd: process.cwd(),
};

type FailOn = Severity | "never";

const EXAMPLES = `
Examples:
  $ l10n-drift check                       check ./articles against every folder in ./locales
  $ l10n-drift check --locale de-DE        one locale, by folder name or BCP 47 code
  $ l10n-drift check --article 'expressroute/**' --format json --output drift.json
  $ l10n-drift report --root docs          write docs/reports/drift.json and drift.md

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
    .option("--root <dir>", "tree with articles/ and locales/<locale>/", ".")
    .option("--locale <list>", "comma-separated locales (folder name or BCP 47 code); repeatable", collectList, [])
    .option("--article <glob>", "only articles matching the glob (relative to articles/); repeatable", collect, [])
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--output <file>", "write the output to a file instead of standard output")
    .addOption(new Option("--fail-on <severity>", "lowest severity that fails the check").choices(["error", "warning", "info", "never"]).default("error"))
    .action(async (flags: CheckFlags) => {
      const report = await check(checkOptions(flags, io));
      const output = flags.format === "json" ? formatJson(report) : formatText(report, { color: !flags.output && useColor(io) });
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
    .description("write drift.json and drift.md to the reports directory and print a summary per locale")
    .option("--root <dir>", "tree with articles/ and locales/<locale>/", ".")
    .option("--out <dir>", "directory for the reports (default: <root>/reports)")
    .action(async (flags: { root: string; out?: string }) => {
      const root = path.resolve(io.cwd, flags.root);
      const report = await check({ root });
      const out = flags.out ? path.resolve(io.cwd, flags.out) : path.join(root, "reports");
      const written = await writeReports(report, out);
      io.stdout(localeSummary(report));
      io.stdout(`${summaryLine(report)}\nWrote ${written.map((file) => path.relative(io.cwd, file) || file).join(", ")}\n`);
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
      io.stdout(flags.format === "json" ? `${JSON.stringify(lists, null, 2)}\n` : formatStatus(lists, { color: useColor(io) }));
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
  locale: string[];
  article: string[];
  format: "text" | "json";
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
    ...(flags.locale.length > 0 && { locales: flags.locale }),
    ...(flags.article.length > 0 && { articles: flags.article }),
  };
}

async function writeReports(report: Report, out: string): Promise<string[]> {
  const files: Array<[string, string]> = [
    ["drift.json", formatJson(report)],
    ["drift.md", formatMarkdown(report)],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(out, name);
    await writeFileAtomic(target, content);
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

function failed(report: Report, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold);
}

/** NO_COLOR wins, then FORCE_COLOR, then whether standard output is a terminal. */
export function useColor(io: Pick<CliIo, "env" | "stdoutIsTty">): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.stdoutIsTty;
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
