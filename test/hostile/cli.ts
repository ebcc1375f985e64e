import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../support/fixtures.js";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, end to end, with no colour and outside CI. */
export function runCli(args: readonly string[], cwd: string = REPO_ROOT): CliRun {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/l10n-drift.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "", GITHUB_ACTIONS: "" },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
