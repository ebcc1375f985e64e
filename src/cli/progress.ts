/** Where the bar is drawn and what time it is: the process's stderr and clock, or fakes in tests. */
export interface ProgressIo {
  write: (text: string) => void;
  /** Only a terminal gets a bar; a pipe or a log file would keep every redraw. */
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds, from any origin. */
  now: () => number;
}

export interface ProgressBar {
  update: (done: number, total: number) => void;
  /** Erases the bar, so the summary that follows starts on a clean line. */
  finish: () => void;
}

/** A short run stays quiet: the bar appears only once a run has taken this long. */
export const PROGRESS_DELAY_MS = 1000;
/** Redraws at most this often; a terminal cannot show more and each write costs. */
export const PROGRESS_INTERVAL_MS = 100;
const WIDTH = 24;
const CLEAR_LINE = "\r\u001b[2K";

const SILENT: ProgressBar = { update: () => undefined, finish: () => undefined };

/** A one-line bar on a terminal: `[#####-----] 1200/5000 files  3.2s`; nothing in CI or a pipe. */
export function createProgressBar(io: ProgressIo): ProgressBar {
  if (!io.isTty || (io.env.CI !== undefined && io.env.CI !== "" && io.env.CI !== "false")) return SILENT;
  const start = io.now();
  let drawnAt: number | undefined;
  return {
    update(done, total) {
      const now = io.now();
      if (now - start < PROGRESS_DELAY_MS) return;
      if (drawnAt !== undefined && now - drawnAt < PROGRESS_INTERVAL_MS && done < total) return;
      drawnAt = now;
      io.write(`${CLEAR_LINE}${progressLine(done, total, now - start)}`);
    },
    finish() {
      if (drawnAt !== undefined) io.write(CLEAR_LINE);
    },
  };
}

export function progressLine(done: number, total: number, elapsedMs: number): string {
  const filled = total === 0 ? WIDTH : Math.min(WIDTH, Math.floor((done / total) * WIDTH));
  return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} files  ${(elapsedMs / 1000).toFixed(1)}s`;
}

/** Runs `work` with a bar on the CLI's stderr fed by the engine's progress, erased when it ends. */
export async function withProgress<T>(
  io: { stderr: (text: string) => void; stderrIsTty?: boolean; env: Readonly<Record<string, string | undefined>>; now?: () => number },
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = createProgressBar({ write: io.stderr, isTty: io.stderrIsTty === true, env: io.env, now: io.now ?? (() => performance.now()) });
  try {
    return await work(bar.update);
  } finally {
    bar.finish();
  }
}
