import type { Command } from "commander";
import { access } from "node:fs/promises";
import path from "node:path";
import { starterConfig } from "../../config/init.js";
import { CONFIG_FILE } from "../../config/load.js";
import { DriftError } from "../../errors.js";
import { printable } from "../../reporters/text.js";
import type { CliIo } from "../io.js";
import { withTreeOptions } from "../options.js";
import { writeOutputFile } from "../output.js";

/** `--config` names the file to write, as it names the file to read everywhere else. */
export function registerInit(program: Command, io: CliIo): void {
  withTreeOptions(program.command("init").description(`write a starter ${CONFIG_FILE} for the tree, with the layout preset it detects`))
    .option("--force", "replace an existing configuration file")
    .action(async (flags: { root: string; config?: string; force?: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const target = flags.config ? path.resolve(io.cwd, flags.config) : path.join(root, CONFIG_FILE);
      const shown = path.relative(io.cwd, target) || target;
      if (!flags.force && (await exists(target))) throw new DriftError("USAGE", `${shown} exists already; use --force to replace it`);
      const config = await starterConfig(root);
      await writeOutputFile(io, target, `${JSON.stringify(config, null, 2)}\n`);
      io.stdout(`Wrote ${printable(shown)} (preset \`${config.preset}\`)\n`);
    });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
