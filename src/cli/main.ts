import { Command, CommanderError } from "commander";
import { DriftError } from "../errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import type { CliIo, CommandOutcome } from "./io.js";
import { DEBUG_HELP } from "./options.js";
import { escapeWorkflowLog } from "../reporters/escape.js";
import { printable } from "../reporters/text.js";

export { useColor, type CliIo } from "./io.js";

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  now: () => performance.now(),
  cwd: process.cwd(),
};

const EXAMPLES = `
Examples:
  $ l10n-drift check                       check ./articles against every folder in ./locales
  $ l10n-drift check --locale de-DE        one locale, by folder name or BCP 47 code
  $ l10n-drift check --article 'expressroute/**' --format json --output drift.json
  $ l10n-drift check --format sarif --output drift.sarif   for GitHub code scanning
  $ l10n-drift report --root docs          write docs/reports/drift.json, .md, .sarif and index.html
  $ l10n-drift diff content/en/docs/x.md --locale de   what to translate in one article

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or I/O error.`;

/** Runs the CLI and returns the exit code; only the bin script sets it on the process. */
export async function main(argv: readonly string[], processOrTestIo: CliIo = processIo): Promise<number> {
  const io = forDestination(processOrTestIo);
  // Known before parsing, so that a failure while parsing can show its stack too.
  const debug = argv.includes("--debug");
  const outcome: CommandOutcome = { exitCode: 0 };
  const program = new Command(TOOL_NAME)
    .description("Find drift between source articles and their translations, section by section.")
    .version(TOOL_VERSION, "-v, --version")
    .option("--debug", DEBUG_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError();
  for (const register of await commandsFor(argv)) register(program, io, outcome);

  // Without a command there is nothing to do but say what there is: that is not a usage error.
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return outcome.exitCode;
  } catch (error) {
    return reportError(error, debug, io);
  }
}

type Register = (program: Command, io: CliIo, outcome: CommandOutcome) => void;

/** Each command's module, in the order help lists them. */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ["check", async () => (await import("./commands/check.js")).registerCheck],
  ["report", async () => (await import("./commands/report.js")).registerReport],
  ["suppress", async () => (await import("./commands/suppress.js")).registerSuppress],
  ["merge", async () => (await import("./commands/merge.js")).registerMerge],
  ["init", async () => (await import("./commands/init.js")).registerInit],
  ["diff", async () => (await import("./commands/diff.js")).registerDiff],
  ["status", async () => (await import("./commands/status.js")).registerStatus],
  ["pin", async () => (await import("./commands/pin.js")).registerPin],
  ["rules", async () => (await import("./commands/rules.js")).registerRules],
];

/**
 * A run loads only the command it names, so that a check does not load what other commands use
 * (ajv for `merge`, a JavaScript parser for `init`). Without a known command (help, a typo to
 * suggest a fix for) every command is registered.
 */
async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  // The program's own options (--debug, --version) take no value, so the first other word names the command.
  const named = argv.find((word) => !word.startsWith("-"));
  const chosen = COMMANDS.filter(([name]) => name === named);
  return Promise.all((chosen.length > 0 ? chosen : COMMANDS).map(([, load]) => load()));
}

/**
 * Every line the CLI prints is escaped for where it lands. On a terminal, the reporters and the
 * error line show each interpolated value's control characters as `\u{1b}` (`printable`); in a
 * GitHub Actions log each line is then also kept from reading as a workflow command
 * (`escapeWorkflowLog`), except the github format's own commands.
 */
function forDestination(io: CliIo): CliIo {
  if (io.env.GITHUB_ACTIONS !== "true") return io;
  return { ...io, stdout: (text) => io.stdout(escapeWorkflowLog(text)), stderr: (text) => io.stderr(escapeWorkflowLog(text)), workflowCommands: io.stdout };
}

/** The entry guard: every failure becomes one line and exit 2; a stack only with `--debug`. */
function reportError(error: unknown, debug: boolean, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version exit through here too, with code 0.
    if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    io.stderr(`${TOOL_NAME}: USAGE ${printable(error.message.replace(/^error: /, ""))}\n`);
    return 2;
  }
  if (error instanceof DriftError) {
    io.stderr(`${TOOL_NAME}: ${error.code} ${printable(error.message)}\n`);
    if (debug && error.stack) io.stderr(`${printableLines(error.stack)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${TOOL_NAME}: INTERNAL ${printable(message)}${debug ? "" : " (run with --debug for details)"}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${printableLines(error.stack)}\n`);
  return 2;
}

/** A stack trace keeps its lines; what its message quotes is escaped like any value. */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}
