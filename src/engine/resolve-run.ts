import path from "node:path";
import { loadConfig, validateConfig, type Config } from "../config/load.js";
import type { PresetKeys } from "../config/presets/index.js";
import { RULES } from "../rules/index.js";
import { resolveLayout, type TreeLayout } from "../tree/layout.js";
import { resolveLocales } from "../tree/locales.js";
import { activateRules, type ActiveRule, type RuleSettings } from "./rule-settings.js";

export interface RunOptions {
  root?: string;
  config?: Config;
  configFile?: string;
  locales?: readonly string[];
  /** Rule levels over the configuration's, for one run (`check --rule pin-not-updated=warning`). */
  rules?: RuleSettings;
  /** Where the run's reports go (`report --out`), left out of discovery. */
  outputDir?: string;
}

/** Everything a run needs, resolved from the options, the configuration and the tree. */
export interface ResolvedRun {
  layout: TreeLayout;
  rules: ActiveRule[];
  ruleActivation: { settings: RuleSettings; keys: PresetKeys };
  config: Config;
  locales?: string[];
}

/**
 * Loads the configuration (a configuration passed in is validated the same way), resolves the
 * layout and the rules, and checks the requested locales. The layout's front matter keys reach
 * every rule in its context; no rule's options are set here.
 */
export async function resolveRun(options: RunOptions): Promise<ResolvedRun> {
  const root = options.root ?? ".";
  const config = options.config !== undefined ? await validateConfig(options.config, RULES, "the configuration") : (await loadConfig(root, RULES, options.configFile)).config;
  const layout = await resolveLayout(root, config);
  if (options.outputDir !== undefined) layout.outputDir = path.resolve(options.outputDir);
  const settings = { ...config.rules, ...options.rules };
  const rules = activateRules(RULES, settings, layout.keys);
  const locales = options.locales && options.locales.length > 0 ? await resolveLocales(layout, options.locales) : undefined;
  return { layout, rules, ruleActivation: { settings, keys: layout.keys }, config, ...(locales && { locales }) };
}
