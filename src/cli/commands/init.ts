import type { Command } from "commander";
import { access } from "node:fs/promises";
import path from "node:path";
import { starterSetup } from "../../config/init.js";
import { CONFIG_FILE } from "../../config/load.js";
import { DriftError } from "../../errors.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import type { CliIo } from "../io.js";
import { visibleControls } from "../../reporters/escape.js";
import { withTreeOptions } from "../options.js";

/** `--config` names the file to write, as it names the file to read everywhere else. */
export function registerInit(program: Command, io: CliIo): void {
  withTreeOptions(program.command("init").description(`write a starter ${CONFIG_FILE} for the tree, with the layout preset it detects`))
    .option("--force", "replace an existing configuration file")
    .action(async (flags: { root: string; config?: string; force?: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const target = flags.config ? path.resolve(io.cwd, flags.config) : path.join(root, CONFIG_FILE);
      const shown = path.relative(io.cwd, target) || target;
      if (!flags.force && (await exists(target))) throw new DriftError("USAGE", `${shown} exists already; use --force to replace it`);
      const { config, importedFrom, notes } = await starterSetup(root);
      await writeFileAtomic(target, `${JSON.stringify(config, null, 2)}\n`);
      const from = importedFrom === undefined ? "" : `, from ${importedFrom}: ${Object.keys(config.locales ?? {}).length} locales, sources in \`${config.sourceDir}/\``;
      io.stdout(visibleControls(`Wrote ${shown} (preset \`${config.preset}\`${from})`) + "\n");
      for (const note of notes) io.stdout(`  note: ${visibleControls(note)}\n`);
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
