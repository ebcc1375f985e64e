import { DriftError } from "../errors.js";
import { SEVERITIES, type Severity } from "../model/finding.js";
import type { AnyRule } from "../model/rule.js";

/** How configuration turns a rule on or off: a level, or `[level, options]` as in ESLint. */
export type RuleLevel = Severity | "off";
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>?];
export type RuleSettings = Record<string, RuleSetting>;

export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  /** True when configuration chose the severity, which then overrides a rule's own per-finding choice. */
  severityConfigured: boolean;
  options: Readonly<Record<string, unknown>>;
}

/**
 * Turns configuration into the rules to run. `layoutOptions` are option defaults that come from
 * the layout (such as which front matter key holds the date); a rule's own configured options
 * override them.
 */
export function activateRules(
  rules: readonly AnyRule[],
  settings: RuleSettings = {},
  layoutOptions: Readonly<Record<string, Record<string, unknown>>> = {},
): ActiveRule[] {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = Object.keys(settings).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DriftError("CONFIG_INVALID", `unknown rule ${unknown.map((id) => `\`${id}\``).join(", ")}; known rules: ${[...known].join(", ")}`);
  }
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (level === "off") continue;
    if (level !== undefined && !SEVERITIES.includes(level)) {
      throw new DriftError("CONFIG_INVALID", `rule \`${rule.id}\`: level \`${String(level)}\` is not one of off, info, warning, error`);
    }
    active.push({
      rule,
      severity: level ?? rule.severity,
      severityConfigured: level !== undefined,
      options: Object.freeze({ ...rule.options, ...layoutOptions[rule.id], ...options }),
    });
  }
  return active;
}
