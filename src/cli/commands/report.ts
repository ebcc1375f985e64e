import type { Command } from "commander";
import path from "node:path";
import { check } from "../../index.js";
import { REPORT_FILES } from "../../reporters/index.js";
import { printable, stateTable, summaryLine } from "../../reporters/text.js";
import type { CliIo } from "../io.js";
import { cacheDirectory, commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";
import { writeReports } from "../output.js";
import { REPORTS_DIR } from "../../tree/discover.js";
import { withProgress } from "../progress.js";

export function registerReport(program: Command, io: CliIo): void {
  withCommonOptions(
    program.command("report").description(`write ${REPORT_FILES.map((entry) => entry.file).join(", ")} to the reports directory and print a summary per locale`),
  )
    .option("--out <dir>", "directory for the reports (default: <root>/reports)")
    .action(async (flags: CommonFlags & { out?: string }) => {
      const options = { ...commonCheckOptions(flags, io), ...cacheDirectory(io.cwd, undefined) };
      const out = flags.out ? path.resolve(io.cwd, flags.out) : path.join(options.root, REPORTS_DIR);
      // The reports of an earlier run in that folder (`drift.md`) are never read as articles.
      const report = await withProgress(io, (onProgress) => check({ ...options, outputDir: out, onProgress }));
      const written = await writeReports(report, out, flags.out ?? (path.relative(io.cwd, out) || out));
      io.stdout(`${stateTable(report).join("\n")}\n`);
      io.stdout(`${summaryLine(report)}\nWrote ${written.map((file) => printable(path.relative(io.cwd, file) || file)).join(", ")}\n`);
    });
}

