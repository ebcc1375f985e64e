import type { Command } from "commander";
import path from "node:path";
import { check } from "../../index.js";
import { printable } from "../../reporters/text.js";
import { createBaseline } from "../../report/suppressions.js";
import type { CliIo } from "../io.js";
import { cacheDirectory, commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";
import { SUPPRESSIONS_FILE, writeOutputFile } from "../output.js";

/** `suppress` (also `known`, and `baseline`, its former name): record today's findings as known. */
export function registerSuppress(program: Command, io: CliIo): void {
  withCommonOptions(
    program
      .command("suppress")
      .aliases(["known", "baseline"])
      .description(`record today's findings as known in ${SUPPRESSIONS_FILE}, so that check --suppressions fails only on new ones`),
  )
    .option("--output <file>", `where to write the known findings (default: <root>/${SUPPRESSIONS_FILE})`)
    .action(async (flags: CommonFlags & { output?: string }) => {
      const options = { ...commonCheckOptions(flags, io), ...cacheDirectory(io.cwd, undefined) };
      const report = await check(options);
      const target = flags.output ? path.resolve(io.cwd, flags.output) : path.join(options.root, SUPPRESSIONS_FILE);
      await writeOutputFile(io, target, `${JSON.stringify(createBaseline(report), null, 2)}\n`);
      io.stdout(`Recorded ${report.findings.length} findings in ${printable(path.relative(io.cwd, target) || target)}\n`);
    });
}
