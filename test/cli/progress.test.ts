import { describe, expect, it } from "vitest";
import { createProgressBar, progressLine, type ProgressIo } from "../../src/cli/progress.js";

/** A terminal that records what was written and a clock the test moves. */
function fakeTerminal(options: { isTty?: boolean; env?: Record<string, string> } = {}): ProgressIo & { output: string[]; time: number } {
  const io = {
    output: [] as string[],
    time: 0,
    isTty: options.isTty ?? true,
    env: options.env ?? {},
    now: () => io.time,
    write: (text: string) => void io.output.push(text),
  };
  return io;
}

describe("createProgressBar", () => {
  it("stays silent for the first second, then draws file counts and elapsed time", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal);
    terminal.time = 400;
    bar.update(10, 100);
    expect(terminal.output).toEqual([]);
    terminal.time = 1_250;
    bar.update(50, 100);
    expect(terminal.output).toEqual(["\r\u001b[2K[############------------] 50/100 files  1.3s"]);
    bar.finish();
    expect(terminal.output.at(-1)).toBe("\r\u001b[2K");
  });

  it("redraws at most every 100 ms, but always the last step", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal);
    terminal.time = 1_000;
    bar.update(1, 4);
    terminal.time = 1_050;
    bar.update(2, 4);
    terminal.time = 1_150;
    bar.update(3, 4);
    bar.update(4, 4);
    expect(terminal.output.map((text) => text.replace("\r\u001b[2K", "").split(" ")[1])).toEqual(["1/4", "3/4", "4/4"]);
  });

  it("draws nothing when standard error is not a terminal or CI is set", () => {
    for (const terminal of [fakeTerminal({ isTty: false }), fakeTerminal({ env: { CI: "true" } })]) {
      const bar = createProgressBar(terminal);
      terminal.time = 5_000;
      bar.update(1, 2);
      bar.finish();
      expect(terminal.output).toEqual([]);
    }
  });

  it("leaves a short run's terminal untouched", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal);
    bar.update(2, 2);
    bar.finish();
    expect(terminal.output).toEqual([]);
  });
});

describe("progressLine", () => {
  it("fills the bar in proportion and handles an empty run", () => {
    expect(progressLine(0, 8, 0)).toBe("[------------------------] 0/8 files  0.0s");
    expect(progressLine(8, 8, 12_345)).toBe("[########################] 8/8 files  12.3s");
    expect(progressLine(0, 0, 0)).toBe("[########################] 0/0 files  0.0s");
  });
});
