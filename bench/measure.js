// Runs one command and measures it: wall time from spawn to exit, and peak resident memory.
//
// Peak memory comes from GNU time (`/usr/bin/time -f %M`, the child's ru_maxrss in KiB) when it is
// installed. ru_maxrss is the largest single process of the tree, which is what matters for
// Node tools: worker threads share their process, and no tool here forks workers that outlive it.
// Without GNU time, the child's VmHWM is polled from /proc every 20 ms instead (Linux only).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

export function memoryMethod() {
  if (existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"]).status === 0) return "GNU time -f %M (ru_maxrss of the child)";
  return "VmHWM of the child polled from /proc every 20 ms";
}

const useGnuTime = memoryMethod().startsWith("GNU");

/** Runs `command args` in `cwd`; resolves with wall seconds, peak RSS in KiB, exit code and stderr. */
export function measure(command, args, { cwd, env = process.env } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), "l10n-drift-bench-"));
  const timeFile = path.join(scratch, "time");
  const [file, argv] = useGnuTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peakKiB = 0;
    child.stderr.on("data", (chunk) => {
      // Capped, but far above what a peer prints when every one of 100,000 files fails: the EMFILE count needs it all.
      stderr = stderr.length < 64_000_000 ? stderr + chunk : stderr;
    });
    const poll = useGnuTime ? undefined : setInterval(() => (peakKiB = Math.max(peakKiB, readHighWaterKiB(child.pid))), 20);
    child.on("error", reject);
    child.on("close", (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      if (useGnuTime && existsSync(timeFile)) peakKiB = Number(readFileSync(timeFile, "utf8").trim().split("\n").pop());
      rmSync(scratch, { recursive: true, force: true });
      resolve({ wallSeconds, peakKiB, exitCode: code ?? 1, stderr });
    });
  });
}

function readHighWaterKiB(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
