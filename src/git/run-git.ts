import { execFile } from "node:child_process";
import { DriftError } from "../errors.js";

/** Enough for `git log --raw` over a large docs repository (10,000 articles, years of commits). */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/**
 * No git command the tool runs should take longer than this, even `git log` over a large
 * repository; past it git is stuck (a lock, a network mount) and the run must not hang with it.
 */
export const GIT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Settings that would let a repository's own `.git/config` run a program while the tool only
 * reads: the file system monitor hook, hooks, signature checks (gpg), pagers, external diff
 * and textconv drivers. Given before the subcommand, they override every configuration file.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  "-c", "core.fsmonitor=false",
  "-c", "core.hooksPath=/dev/null",
  "-c", "core.pager=cat",
  "-c", "log.showSignature=false",
  "-c", "diff.external=",
  "-c", "core.sshCommand=false",
  "-c", "protocol.allow=never",
];

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

export interface GitOptions {
  timeoutMs?: number;
}

/** `git` with the safe settings and `--no-pager` in front of the subcommand's arguments. */
export function safeGitArgs(args: readonly string[]): string[] {
  return ["--no-pager", ...SAFE_GIT_CONFIG, ...args];
}

/**
 * Runs git with an argument array, never through a shell. A non-zero exit is returned, not thrown,
 * because some callers expect it (`rev-parse` outside a repository); git missing is `ENOENT`; a
 * git that outlives the timeout is killed and is a `GIT_FAILED` error.
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? GIT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      safeGitArgs(args),
      { cwd, encoding: "buffer", maxBuffer: MAX_OUTPUT_BYTES, env: gitEnv(), timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error && (error as { killed?: boolean }).killed && (error as { signal?: unknown }).signal === "SIGKILL") {
          reject(new DriftError("GIT_FAILED", `\`git ${args[0]}\` took more than ${Math.round(timeoutMs / 1000)} s and was stopped`));
          return;
        }
        const exitCode = error ? (error as NodeJS.ErrnoException & { code?: unknown }).code : 0;
        if (error && typeof exitCode !== "number") {
          reject(error);
          return;
        }
        resolve({ stdout, stderr: stderr.toString("utf8"), exitCode: exitCode as number });
      },
    );
  });
}

/** Like runGit, but a non-zero exit is a `GIT_FAILED` error naming the command. */
export async function runGitOrThrow(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  let result: GitResult;
  try {
    result = await runGit(cwd, args, options);
  } catch (error) {
    if (error instanceof DriftError) throw error;
    throw new DriftError("GIT_FAILED", `\`git ${args[0]}\` could not run: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
  }
  if (result.exitCode !== 0) {
    throw new DriftError("GIT_FAILED", `\`git ${args.join(" ")}\` failed (exit ${result.exitCode}): ${firstLine(result.stderr)}`);
  }
  return result.stdout;
}

/**
 * Output must not depend on the user's language or pager settings, and git must never wait for
 * a password or read the machine's system-wide configuration (which may set a fsmonitor hook).
 */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: "C", GIT_PAGER: "cat", PAGER: "cat", GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_OPTIONAL_LOCKS: "0" };
}

export function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
