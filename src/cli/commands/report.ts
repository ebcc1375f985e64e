import type { Command } from "commander";
import path from "node:path";
import { check } from "../../index.js";
import type { Report } from "../../model/report.js";
import { REPORT_FILES } from "../../reporters/index.js";
import { summaryLine } from "../../reporters/text.js";
import type { CliIo } from "../io.js";
import { cacheDirectory, commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";
import { writeReports } from "../output.js";
import { withProgress } from "../progress.js";

export function registerReport(program: Command, io: CliIo): void {
  withCommonOptions(
    program.command("report").description(`write ${REPORT_FILES.map((entry) => entry.file).join(", ")} to the reports directory and print a summary per locale`),
  )
    .option("--out <dir>", "directory for the reports (default: <root>/reports)")
    .action(async (flags: CommonFlags & { out?: string }) => {
      const options = { ...commonCheckOptions(flags, io), ...cacheDirectory(io.cwd, undefined) };
      const report = await withProgress(io, (onProgress) => check({ ...options, onProgress }));
      const out = flags.out ? path.resolve(io.cwd, flags.out) : path.join(options.root, "reports");
      const written = await writeReports(report, out);
      io.stdout(localeSummary(report));
      io.stdout(`${summaryLine(report)}\nWrote ${written.map((file) => path.relative(io.cwd, file) || file).join(", ")}\n`);
    });
}

function localeSummary(report: Report): string {
  const lines = ["locale  translations  errors  warnings  info  sections"];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    const { error, warning, info } = summary.counts;
    lines.push(
      `${locale.padEnd(6)}  ${`${summary.translations}/${summary.articles}`.padStart(12)}  ${String(error).padStart(6)}  ${String(warning).padStart(8)}  ${String(info).padStart(4)}  ${`${summary.coveragePercent}%`.padStart(8)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
