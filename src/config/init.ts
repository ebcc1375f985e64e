import { stat } from "node:fs/promises";
import path from "node:path";
import { DriftError } from "../errors.js";
import type { Config } from "./load.js";
import { importLunaria } from "./lunaria.js";
import { PRESETS, type PresetName } from "./presets/index.js";

/** Presets in the order they are tried; the first whose source and locale parents exist wins. */
const DETECTION_ORDER: readonly PresetName[] = ["default", "docusaurus", "mdn", "hugo"];

/** Which preset's layout the tree has, from the directories it holds. */
export async function detectPreset(root: string): Promise<PresetName | undefined> {
  for (const name of DETECTION_ORDER) {
    const preset = PRESETS[name];
    const localeParent = preset.localePattern?.split("{locale}")[0] ?? "";
    if ((await isDirectory(path.join(root, preset.sourceDir))) && (await isDirectory(path.join(root, localeParent)))) return name;
  }
  return undefined;
}

/** A starter configuration, where it came from (a Lunaria configuration), and what of that had no equivalent. */
export interface StarterSetup {
  config: Config & { $schema: string };
  importedFrom?: string;
  notes: string[];
}

/**
 * A starter configuration: a tree with a Lunaria configuration gets its equivalent (locales,
 * layout, ignore keywords, the localizable property); otherwise the detected preset.
 */
export async function starterSetup(root: string): Promise<StarterSetup> {
  const lunaria = await importLunaria(root);
  if (lunaria) {
    const config = { $schema: "./node_modules/l10n-drift/schema/config.schema.json", preset: (await detectPreset(root)) ?? "default", ...lunaria.config, rules: {} };
    return { config, importedFrom: lunaria.file, notes: lunaria.notes };
  }
  return { config: await starterConfig(root), notes: [] };
}

/** A starter configuration: the detected preset, every rule at its default, ready to edit. */
export async function starterConfig(root: string): Promise<Config & { $schema: string }> {
  const preset = await detectPreset(root);
  if (preset === undefined) {
    throw new DriftError(
      "CONFIG_INVALID",
      "cannot tell this tree's layout (no articles/ + locales/, docs/ + i18n/, files/en-us/ or content/en/); write l10n-drift.config.json by hand",
    );
  }
  return { $schema: "./node_modules/l10n-drift/schema/config.schema.json", preset, rules: {} };
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}
