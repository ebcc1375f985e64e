import type { PresetKeys } from "../config/presets/index.js";
import { DriftError } from "../errors.js";
import { SEVERITIES, type Severity } from "../model/finding.js";
import { type AnyRule, defaultSeverity, MORE_FINDINGS } from "../model/rule.js";

/**
 * How configuration turns a rule on or off: a level, or `[level, options]` as in ESLint. The
 * options may hold `severity`, a level per messageId, for messages whose default is not the
 * rule's main severity (or to change one message alone).
 */
export type RuleLevel = Severity | "off";
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>?];
export type RuleSettings = Record<string, RuleSetting>;

/** The option that sets a level per messageId; every rule accepts it. */
export const SEVERITY_OPTION = "severity";

export interface ActiveRule {
  rule: AnyRule;
  /** The main severity: configured, or the rule's. */
  severity: Severity;
  /** True when configuration chose the main severity. */
  severityConfigured: boolean;
  options: Readonly<Record<string, unknown>>;
  /** The layout's front matter keys, given to every hook. */
  keys: Readonly<PresetKeys>;
  /** A message's level: set for it, else the configured level where its default is the main severity, else its default. */
  severityOf(messageId: string): RuleLevel;
}

/**
 * Turns configuration into the rules to run. Writing a rule's default changes nothing: a level
 * applies to the messages whose default is the rule's main severity, so `"code-drift": "warning"`
 * keeps its comment-only findings at `info`; `{"severity": {"comments-only": "warning"}}` changes them.
 */
export function activateRules(rules: readonly AnyRule[], settings: RuleSettings = {}, keys: Readonly<PresetKeys>): ActiveRule[] {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = Object.keys(settings).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DriftError("CONFIG_INVALID", `unknown rule ${unknown.map((id) => `\`${id}\``).join(", ")}; known rules: ${[...known].join(", ")}`);
  }
  const frozenKeys = Object.freeze({ ...keys });
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = Object.hasOwn(settings, rule.id) ? settings[rule.id] : undefined;
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (level === "off" || (level === undefined && rule.offByDefault === true)) continue;
    if (level !== undefined && !SEVERITIES.includes(level)) {
      throw new DriftError("CONFIG_INVALID", `rule \`${rule.id}\`: level \`${String(level)}\` is not one of off, info, warning, error`);
    }
    const main = level ?? rule.severity;
    const perMessage = (options?.[SEVERITY_OPTION] ?? {}) as Readonly<Record<string, RuleLevel>>;
    active.push({
      rule,
      severity: main,
      severityConfigured: level !== undefined,
      options: Object.freeze({ ...rule.options, ...options }),
      keys: frozenKeys,
      severityOf(messageId) {
        if (Object.hasOwn(perMessage, messageId)) return perMessage[messageId]!;
        if (messageId === MORE_FINDINGS) return main;
        const fallback = defaultSeverity(rule, messageId);
        return fallback === rule.severity ? main : fallback;
      },
    });
  }
  return active;
}
