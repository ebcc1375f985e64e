import { execFile } from "node:child_process";
import { DriftError } from "../errors.js";

/** Enough for `git log --raw` over a large docs repository (10,000 articles, years of commits). */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/**
 * Runs git with an argument array, never through a shell. A non-zero exit is returned, not thrown,
 * because some callers expect it (`rev-parse` outside a repository); git missing is `ENOENT`.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, encoding: "buffer", maxBuffer: MAX_OUTPUT_BYTES, env: gitEnv() }, (error, stdout, stderr) => {
      const exitCode = error ? (error as NodeJS.ErrnoException & { code?: unknown }).code : 0;
      if (error && typeof exitCode !== "number") {
        reject(error);
        return;
      }
      resolve({ stdout, stderr: stderr.toString("utf8"), exitCode: exitCode as number });
    });
  });
}

/** Like runGit, but a non-zero exit is a `GIT_FAILED` error naming the command. */
export async function runGitOrThrow(cwd: string, args: readonly string[]): Promise<Buffer> {
  let result: GitResult;
  try {
    result = await runGit(cwd, args);
  } catch (error) {
    throw new DriftError("GIT_FAILED", `\`git ${args[0]}\` could not run: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
  }
  if (result.exitCode !== 0) {
    throw new DriftError("GIT_FAILED", `\`git ${args.join(" ")}\` failed (exit ${result.exitCode}): ${firstLine(result.stderr)}`);
  }
  return result.stdout;
}

/** Output must not depend on the user's language or pager settings. */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: "C", GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0" };
}

export function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
