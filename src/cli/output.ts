import { constants, rmSync } from "node:fs";
import { lstat, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { DriftError } from "../errors.js";
import { MAX_CONFIG_BYTES } from "../config/load.js";
import { NotARegularFile, readRegularFile } from "../io/regular-file.js";
import type { Severity } from "../model/finding.js";
import { verdict } from "../report/verdict.js";
import type { Report } from "../model/report.js";
import { applySuppressions, parseSuppressions, SUPPRESSIONS_FILE as DEFAULT_SUPPRESSIONS_FILE } from "../report/suppressions.js";
import { REPORT_FILES, type Rendered } from "../reporters/index.js";
import { RULES } from "../rules/index.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { toPosix } from "../util/posix-path.js";
import type { CliIo } from "./io.js";

export type FailOn = Severity | "never";
export const FAIL_ON = ["error", "warning", "info", "never"] as const;

/** The file of known findings, when none is named. */
export const SUPPRESSIONS_FILE = DEFAULT_SUPPRESSIONS_FILE;

/**
 * The fail-on policy, in one place: broken translations (translation errors at or above
 * `--fail-on`) and problems in the sources fail, outdated and missing ones only where the
 * configuration's `failOn.states` says; with suppressions, only new findings fail.
 */
export function failed(report: Report, failOn: FailOn): boolean {
  return verdict(report, { failOn, ...(report.failOn?.states && { states: report.failOn.states }), ...(report.failOn?.locales && { locales: report.failOn.locales }) }).failed;
}

/** Output to `--output` (atomically, see `writeOutputFile`) or standard output. */
export async function writeOutput(io: CliIo, output: Rendered, file: string | undefined): Promise<void> {
  if (file) await writeOutputFile(io, file, output);
  else printPieces(io.stdout, output);
}

/** A reporter's text, whole or in pieces (each ending at a line end), to a stream of the process. */
function printPieces(print: (text: string) => void, output: Rendered): void {
  if (typeof output === "string") print(output);
  else for (const piece of output) print(piece);
}

/** Paths that name the process's own standard streams: written as the stream, whatever it is. */
const STANDARD_STREAMS: ReadonlyMap<string, "stdout" | "stderr"> = new Map([
  ["/dev/stdout", "stdout"],
  ["/dev/fd/1", "stdout"],
  ["/proc/self/fd/1", "stdout"],
  ["/dev/stderr", "stderr"],
  ["/dev/fd/2", "stderr"],
  ["/proc/self/fd/2", "stderr"],
]);

/**
 * Writes a file the user named (`--output`, `suppress --output`, `init --config`). A regular file,
 * or none, is written atomically (a temporary file renamed over it); a device, named pipe or socket
 * is written directly, never renamed over (as root, renaming over `/dev/null` would replace the
 * device); `/dev/stdout` and `/dev/stderr` are the streams. A symbolic link is refused rather than
 * replaced or followed, and a directory is refused. Every failure is an `IO_FAILED` error.
 */
export async function writeOutputFile(io: Pick<CliIo, "cwd" | "stdout" | "stderr">, file: string, content: Rendered): Promise<void> {
  const target = path.resolve(io.cwd, file);
  const stream = STANDARD_STREAMS.get(target);
  if (stream !== undefined) {
    printPieces(io[stream], content);
    return;
  }
  const refusal = await outputRefusal(target, file);
  if (refusal === "stream") return writeDirectly(target, file, content);
  if (refusal !== undefined) throw new DriftError("IO_FAILED", refusal);
  try {
    await writeFileAtomic(target, content);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

/** Why `target` cannot be written atomically: a message, `"stream"` for a device or pipe, or nothing. */
async function outputRefusal(target: string, shown: string): Promise<string | "stream" | undefined> {
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw cannotWrite(shown, error);
  }
  if (stats.isSymbolicLink()) return `cannot write \`${shown}\`: it is a symbolic link, which is neither followed nor replaced; name the file itself`;
  if (stats.isDirectory()) return `cannot write \`${shown}\`: it is a directory; name a file`;
  return stats.isFile() ? undefined : "stream";
}

async function writeDirectly(target: string, shown: string, content: Rendered): Promise<void> {
  try {
    // No O_CREAT: the device or pipe is there; O_NOFOLLOW in case a link was swapped in since.
    const handle = await open(target, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      if (typeof content === "string") await handle.writeFile(content);
      else for (const piece of content) await handle.write(piece);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw cannotWrite(shown, error);
  }
}

function cannotWrite(shown: string, error: unknown): DriftError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EISDIR" ? "it is a directory" : code === "ENOTDIR" ? "a folder on its path is a file" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(error));
  return new DriftError("IO_FAILED", `cannot write \`${shown}\` (${reason})`, undefined, { cause: error });
}

/**
 * Writes every report file the registry names into `out`, as one set: each is rendered, then
 * written to a temporary file beside its target, and only when all are written are they renamed
 * into place, one after the other. `out` must be a real directory (a committed `reports` link
 * would lead the writes anywhere) and each target a regular file or none. SIGTERM or SIGINT while
 * the temporaries are written removes them and ends the run, leaving the previous set whole; one
 * during the renames is held until they are done, so a stopped run never leaves a mix of two
 * runs' reports. Returns the paths written.
 */
export async function writeReports(report: Report, out: string, shownOut: string = out): Promise<string[]> {
  await requireRealDirectory(out, shownOut);
  const files = await Promise.all(
    REPORT_FILES.map(async ({ file, load }) => ({ target: path.join(out, file), shown: path.join(shownOut, file), content: (await load())(report, { rules: RULES, color: false }) })),
  );
  for (const { target, shown } of files) {
    const refusal = await outputRefusal(target, shown);
    if (refusal === "stream") throw new DriftError("IO_FAILED", `cannot write \`${shown}\`: it is not a regular file`);
    if (refusal !== undefined) throw new DriftError("IO_FAILED", refusal);
  }
  const temporaries = new Map(files.map(({ target }) => [target, path.join(out, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`)]));
  const guard = guardSignals([...temporaries.values()]);
  try {
    for (const { target, shown, content } of files) {
      await writeFile(temporaries.get(target)!, content).catch((error: unknown) => Promise.reject(cannotWrite(shown, error)));
      // A signal during a write is acted on once the write has settled: a file being created
      // when the signal came would otherwise appear after its removal.
      guard.stopIfSignalled();
    }
    guard.holdSignals();
    for (const { target, shown } of files) {
      await rename(temporaries.get(target)!, target).catch((error: unknown) => Promise.reject(cannotWrite(shown, error)));
    }
  } catch (error) {
    await Promise.all([...temporaries.values()].map((temporary) => rm(temporary, { force: true })));
    throw error;
  } finally {
    guard.release();
  }
  return files.map(({ target }) => target);
}

/** Creates `out` if need be; refuses a link, or anything but a directory, at its path. */
async function requireRealDirectory(out: string, shown: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let stats;
    try {
      stats = await lstat(out);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cannotWrite(shown, error);
      await mkdir(out, { recursive: true }).catch((cause: unknown) => Promise.reject(cannotWrite(shown, cause)));
      continue;
    }
    if (stats.isSymbolicLink()) throw new DriftError("IO_FAILED", `the reports directory \`${shown}\` is a symbolic link; reports are written only into a real directory`);
    if (!stats.isDirectory()) throw new DriftError("IO_FAILED", `the reports directory \`${shown}\` is not a directory`);
    return;
  }
  throw new DriftError("IO_FAILED", `the reports directory \`${shown}\` could not be created`);
}

/**
 * Signal handling while a report set is written: until `holdSignals`, SIGTERM and SIGINT remove
 * the temporaries, once the write in flight has settled, and end the process as the signal
 * would; after it, the signal waits for
 * `release`, which raises it again with the default action restored.
 */
function guardSignals(temporaries: readonly string[]): { stopIfSignalled: () => void; holdSignals: () => void; release: () => void } {
  let holding = false;
  let pending: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals): never => {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    process.exit(128 + (osConstants.signals[signal] ?? 0));
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    pending = signal;
    if (holding) return;
    // The write in flight finishes first (see `stopIfSignalled`); should it never settle, stop anyway.
    setTimeout(() => stop(signal), 2_000).unref();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return {
    stopIfSignalled: () => {
      if (pending !== undefined) stop(pending);
    },
    holdSignals: () => {
      holding = true;
    },
    release: () => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      if (pending !== undefined) process.kill(process.pid, pending);
    },
  };
}

/** Marks the findings the suppressions file knows; `true` means the default file under the root. */
export async function withSuppressions(report: Report, root: string, requested: string | true): Promise<Report> {
  const file = requested === true ? path.join(root, SUPPRESSIONS_FILE) : path.resolve(root, requested);
  let text: string;
  const shown = path.relative(root, file) || file;
  try {
    // Read like the configuration: a regular file of bounded size (a pipe must not hang the run).
    const read = await readRegularFile(file, MAX_CONFIG_BYTES * 64);
    if (read.bytes === undefined) throw new NotARegularFile(`${read.size} bytes, over the limit of ${MAX_CONFIG_BYTES * 64}`);
    text = Buffer.from(read.bytes).toString("utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "; record one with `l10n-drift suppress`" : "";
    const reason = error instanceof NotARegularFile ? error.message : (code ?? String(error));
    throw new DriftError("CONFIG_INVALID", `cannot read the suppressions file \`${shown}\` (${reason})${hint}`);
  }
  return applySuppressions(report, parseSuppressions(text, path.relative(root, file)), toPosix(path.relative(root, file)));
}
