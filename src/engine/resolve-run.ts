import { loadConfig, type Config } from "../config/load.js";
import { RULES } from "../rules/index.js";
import { resolveLayout, type TreeLayout } from "../tree/layout.js";
import { resolveLocales } from "../tree/locales.js";
import { activateRules, type ActiveRule, type RuleSettings } from "./rule-settings.js";

export interface RunOptions {
  root?: string;
  config?: Config;
  configFile?: string;
  locales?: readonly string[];
}

/** Everything a run needs, resolved from the options, the configuration and the tree. */
export interface ResolvedRun {
  layout: TreeLayout;
  rules: ActiveRule[];
  ruleActivation: { settings: RuleSettings; layoutOptions: Record<string, Record<string, unknown>> };
  config: Config;
  locales?: string[];
}

/**
 * Loads the configuration, resolves the layout and the rules, and checks the requested locales.
 * Layout keys (which front matter key holds the date, the locale) become rule option defaults.
 */
export async function resolveRun(options: RunOptions): Promise<ResolvedRun> {
  const root = options.root ?? ".";
  const ruleIds = RULES.map((rule) => rule.id);
  const config = options.config ?? (await loadConfig(root, ruleIds, options.configFile)).config;
  const layout = await resolveLayout(root, config);
  const layoutOptions = {
    "stale-date": { dateKey: layout.keys.date },
    "locale-mismatch": { localeKey: layout.keys.locale },
  };
  const settings = config.rules ?? {};
  const rules = activateRules(RULES, settings, layoutOptions);
  const locales = options.locales && options.locales.length > 0 ? await resolveLocales(layout, options.locales) : undefined;
  return { layout, rules, ruleActivation: { settings, layoutOptions }, config, ...(locales && { locales }) };
}
