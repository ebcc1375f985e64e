import { discoverDefaultLayout } from "./engine/layout.js";
import { resolveLocales } from "./engine/locales.js";
import { activateRules, type RuleSettings } from "./engine/rule-settings.js";
import { runCheck } from "./engine/run.js";
import { DEFAULT_BASELINE_OPTIONS } from "./history/baseline.js";
import { openHistory, type HistoryProvider } from "./history/provider.js";
import { collectWorkLists, type WorkList } from "./history/worklist.js";
import type { Report } from "./model/report.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse/document.js";
import { RULES } from "./rules/index.js";

export interface CheckOptions {
  /** The tree to check; default: the current directory. */
  root?: string;
  /** Locales to check, by folder name (`de`) or BCP 47 code (`de-DE`); default: all. */
  locales?: readonly string[];
  /** Globs over article paths relative to the source directory; default: all. */
  articles?: readonly string[];
  /** Per-rule level, or `[level, options]`. */
  rules?: RuleSettings;
  /** Files larger than this are reported and skipped; default 4 MiB. */
  maxFileBytes?: number;
  /** Read git history to find each translation's baseline; default true (dates when there is no repository). */
  history?: boolean;
  /** Front matter keys pinning the source commit; default `ms.sourcegitcommit`, `l10n.sourceCommit`, `default_lang_commit`. */
  pinKeys?: readonly string[];
  /** Front matter keys pinning a hash of the source; default `ms.openlocfilehash`. */
  hashPinKeys?: readonly string[];
  /** Commit message markers for changes that need no translation; default `L10n-Skip: true`, `[l10n skip]`. */
  skipMarkers?: readonly string[];
}

/** Checks a tree and returns the report that the JSON output serializes. */
export async function check(options: CheckOptions = {}): Promise<Report> {
  const layout = await discoverDefaultLayout(options.root ?? ".");
  const rules = activateRules(RULES, options.rules);
  const localeKey = String(rules.find((active) => active.rule.id === "locale-mismatch")?.options.localeKey ?? "ms.contentlocale");
  const locales = options.locales && options.locales.length > 0 ? await resolveLocales(layout, options.locales, localeKey) : undefined;
  const limits = parseLimits(options);
  const history = await openHistoryFor(layout.root, options);
  try {
    return await runCheck({
      layout,
      ...(locales && { locales }),
      ...(options.articles && { articles: options.articles }),
      rules,
      limits,
      history,
    });
  } finally {
    history.close();
  }
}

/**
 * The translator's work lists: per article and locale, the source sections added, changed (with
 * a diff of the source section) and removed since the version the translation was made from.
 */
export async function workLists(options: CheckOptions = {}): Promise<WorkList[]> {
  const root = options.root ?? ".";
  const history = await openHistoryFor(root, options);
  try {
    const rules = activateRules(RULES, options.rules);
    const frontMatterKeys = (rules.find((active) => active.rule.id === "stale-source")?.options.frontMatterKeys as string[] | undefined) ?? ["title", "description"];
    return await collectWorkLists(
      { root, ...(options.locales && { locales: options.locales }), ...(options.articles && { articles: options.articles }) },
      { history, limits: parseLimits(options), frontMatterKeys },
    );
  } finally {
    history.close();
  }
}

/** The run's history, opened once; shared by `check` and the work lists. */
function openHistoryFor(root: string, options: CheckOptions): Promise<HistoryProvider> {
  return openHistory(root, {
    enabled: options.history ?? true,
    pinKeys: options.pinKeys ?? DEFAULT_BASELINE_OPTIONS.pinKeys,
    hashPinKeys: options.hashPinKeys ?? DEFAULT_BASELINE_OPTIONS.hashPinKeys,
    skipMarkers: options.skipMarkers ?? DEFAULT_BASELINE_OPTIONS.skipMarkers,
    limits: parseLimits(options),
  });
}

function parseLimits(options: CheckOptions): ParseLimits {
  return { ...DEFAULT_PARSE_LIMITS, ...(options.maxFileBytes !== undefined && { maxFileBytes: options.maxFileBytes }) };
}

export { DriftError, type DriftErrorCode } from "./errors.js";
export type { Finding, FindingDraft, RelatedPlace, Severity } from "./model/finding.js";
export type { ParsedDocument, Section } from "./model/document.js";
export type { AlignedSection, Alignment, AlignmentMethod, BaselineMethod, Pair, TranslationBaseline, UnpairedFile } from "./model/pair.js";
export type { ArticleOutline, LocaleSummary, OutlineRow, Report, ReportSummary, SectionOutline, TranslationOutline } from "./model/report.js";
export type { FileContext, Rule, RuleContext } from "./model/rule.js";
export type { RuleLevel, RuleSetting, RuleSettings } from "./engine/rule-settings.js";
export { RULES } from "./rules/index.js";
export { alignSections } from "./align/align.js";
export { parseDocument } from "./parse/document.js";
export type { ChangeKind, SectionRef } from "./history/compare.js";
export type { WorkList, WorkState } from "./history/worklist.js";
export type { HistoryGap, PinProblem } from "./model/pair.js";
export type { HistorySummary, RunFacts } from "./model/rule.js";
