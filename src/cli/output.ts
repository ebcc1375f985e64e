import path from "node:path";
import { readFile } from "node:fs/promises";
import { DriftError } from "../errors.js";
import type { Severity } from "../model/finding.js";
import { verdict } from "../report/verdict.js";
import type { Report } from "../model/report.js";
import { applySuppressions, parseSuppressions, SUPPRESSIONS_FILE as DEFAULT_SUPPRESSIONS_FILE } from "../report/suppressions.js";
import { REPORT_FILES } from "../reporters/index.js";
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

/** Output to `--output` (atomically) or standard output. */
export async function writeOutput(io: CliIo, output: string, file: string | undefined): Promise<void> {
  if (file) await writeFileAtomic(path.resolve(io.cwd, file), output);
  else io.stdout(output);
}

/** Writes every report file the registry names into `out`; returns the paths written. */
export async function writeReports(report: Report, out: string): Promise<string[]> {
  const written: string[] = [];
  for (const { file, render } of REPORT_FILES) {
    const target = path.join(out, file);
    await writeFileAtomic(target, render(report, { rules: RULES }));
    written.push(target);
  }
  return written;
}

/** Marks the findings the suppressions file knows; `true` means the default file under the root. */
export async function withSuppressions(report: Report, root: string, requested: string | true): Promise<Report> {
  const file = requested === true ? path.join(root, SUPPRESSIONS_FILE) : path.resolve(root, requested);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "; record one with `l10n-drift suppress`" : "";
    throw new DriftError("CONFIG_INVALID", `cannot read the suppressions file \`${path.relative(root, file) || file}\` (${code ?? String(error)})${hint}`);
  }
  return applySuppressions(report, parseSuppressions(text, path.relative(root, file)), toPosix(path.relative(root, file)));
}
