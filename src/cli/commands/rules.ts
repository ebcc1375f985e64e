import type { Command } from "commander";
import path from "node:path";
import { loadConfig } from "../../config/load.js";
import { PRESETS } from "../../config/presets/index.js";
import { activateRules } from "../../engine/rule-settings.js";
import { RULES } from "../../rules/index.js";
import type { CliIo } from "../io.js";
import { withTreeOptions } from "../options.js";

/** The rules, with the severity the tree's configuration gives them (`off` when it turns one off). */
export function registerRules(program: Command, io: CliIo): void {
  withTreeOptions(program.command("rules").description("list the rules with their severity (as configured for the tree, else the default)")).action(
    async (flags: { root: string; config?: string }) => {
      const root = path.resolve(io.cwd, flags.root);
      // The configuration only: listing rules needs no source folder to exist.
      const { config } = await loadConfig(root, RULES, flags.config && path.resolve(io.cwd, flags.config));
      const keys = { ...PRESETS[config.preset ?? "default"].keys, ...config.keys };
      const active = new Map(activateRules(RULES, config.rules ?? {}, keys).map((rule) => [rule.rule.id, rule.severity]));
      for (const rule of RULES) io.stdout(`${rule.id.padEnd(22)} ${(active.get(rule.id) ?? "off").padEnd(8)} ${rule.description}\n`);
    },
  );
}
