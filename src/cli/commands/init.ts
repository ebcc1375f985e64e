import type { Command } from "commander";
import { access } from "node:fs/promises";
import path from "node:path";
import { starterConfig } from "../../config/init.js";
import { CONFIG_FILE } from "../../config/load.js";
import { DriftError } from "../../errors.js";
import { visibleControls } from "../../reporters/escape.js";
import { takeInventory } from "../../tree/discover.js";
import { resolveLayout, type TreeLayout } from "../../tree/layout.js";
import { toPosix } from "../../util/posix-path.js";
import type { CliIo } from "../io.js";
import { withTreeOptions } from "../options.js";
import { writeOutputFile } from "../output.js";

/** `--config` names the file to write, as it names the file to read everywhere else. */
export function registerInit(program: Command, io: CliIo): void {
  withTreeOptions(program.command("init").description(`write a starter ${CONFIG_FILE} for the tree, with the layout preset it detects, and say what it found`))
    .option("--force", "replace an existing configuration file")
    .action(async (flags: { root: string; config?: string; force?: boolean }) => {
      const root = path.resolve(io.cwd, flags.root);
      const target = flags.config ? path.resolve(io.cwd, flags.config) : path.join(root, CONFIG_FILE);
      const shown = path.relative(io.cwd, target) || target;
      if (!flags.force && (await exists(target))) throw new DriftError("USAGE", `${shown} exists already; use --force to replace it`);
      const { config, detection, notes } = await starterConfig(root, target);
      // The layout as `check` will read it, before anything is written: a tree it cannot read gets no file.
      const layout = await resolveLayout(root, config);
      const inventory = await takeInventory(layout);
      await writeOutputFile(io, target, `${JSON.stringify(config, null, 2)}\n`);
      const lines = [
        `Layout: ${detection.preset} (${detection.evidence})`,
        `Sources: ${layout.sourceDir}/ (${layout.sourceLocale}), ${pages(inventory.articles.length)}`,
        `Locales: ${localeList(layout, inventory.translations)}`,
        ...layout.warnings.map((warning) => `Warning: ${warning}`),
        ...notes.map((note) => `Note: ${note}`),
        `Wrote ${shown}`,
        `Next: ${nextCommand(io.cwd, root, target)}`,
      ];
      io.stdout(`${lines.map(visibleControls).join("\n")}\n`);
    });
}

function pages(count: number): string {
  return `${count} ${count === 1 ? "page" : "pages"}`;
}

/** `16 from astro.config.mjs: da 30, de 37, …`, each locale with its page count. */
function localeList(layout: TreeLayout, translations: ReadonlyMap<string, ReadonlySet<string>>): string {
  if (layout.locales.length === 0) return "none found";
  const from = layout.localesFrom.kind === "site" ? `listed in \`${layout.localesFrom.file}\`` : layout.localesFrom.kind === "config" ? "configured" : "folders";
  const each = layout.locales.map((locale) => `${locale.name} ${translations.get(locale.name)?.size ?? 0}`);
  return `${layout.locales.length} (${from}), pages each: ${each.join(", ")}`;
}

/** The command to run next, with `--root` and `--config` where they are not the defaults. */
function nextCommand(cwd: string, root: string, target: string): string {
  const args: string[] = [];
  if (root !== cwd) args.push("--root", quote(toPosix(path.relative(cwd, root)) || "."));
  if (target !== path.join(root, CONFIG_FILE)) args.push("--config", quote(toPosix(path.relative(cwd, target))));
  const command = (name: string) => ["l10n-drift", name, ...args].join(" ");
  return `\`${command("check")}\` (the verdict per locale), then \`${command("status")}\` (each locale's work)`;
}

function quote(argument: string): string {
  return /^[\w./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, "'\\''")}'`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
