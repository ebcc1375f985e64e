import { execFile } from "node:child_process";
import { DriftError } from "../errors.js";

/**
 * Runs git with an argument array (never a shell) and returns its standard output. Failures are
 * `GIT_FAILED` with git's own first line of complaint.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "git is not installed" : (stderr.split("\n").find((line) => line.trim() !== "") ?? error.message);
      reject(new DriftError("GIT_FAILED", `git ${args[0] ?? ""} failed: ${reason.trim()}`, { args: [...args] }, { cause: error }));
    });
  });
}

/** NUL-separated output, as `-z` gives it: paths with any characters survive. */
export function splitNul(output: string): string[] {
  return output.split("\0").filter((item) => item !== "");
}
