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
  /**
   * Standard output for workflow commands themselves (the github format), where `stdout`
   * neutralises them; absent outside GitHub Actions, where `stdout` is used.
   */
  workflowCommands?: (text: string) => void;
}

/** What a command's action sets for the entry guard, which alone turns it into the exit status. */
export interface CommandOutcome {
  exitCode: number;
}

/** NO_COLOR wins, then FORCE_COLOR, then whether standard output is a terminal. */
export function useColor(io: Pick<CliIo, "env" | "stdoutIsTty">): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.stdoutIsTty;
}
