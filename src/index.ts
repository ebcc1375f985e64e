import { discoverDefaultLayout } from "./engine/layout.js";
import { resolveLocales } from "./engine/locales.js";
import { activateRules, type RuleSettings } from "./engine/rule-settings.js";
import { runCheck } from "./engine/run.js";
import type { FileSystem } from "./io/file-system.js";
import type { Report } from "./model/report.js";
import { DEFAULT_PARSE_LIMITS } from "./parse/document.js";
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
  /** Files larger than this are reported and skipped, never read; default 4 MiB. */
  maxFileBytes?: number;
  /** Where documents are listed and read; default `node:fs`. A seam for tests and virtual trees. */
  fileSystem?: FileSystem;
}

/** Checks a tree and returns the report that the JSON output serializes. */
export async function check(options: CheckOptions = {}): Promise<Report> {
  const layout = await discoverDefaultLayout(options.root ?? ".");
  const rules = activateRules(RULES, options.rules);
  const localeKey = String(rules.find((active) => active.rule.id === "locale-mismatch")?.options.localeKey ?? "ms.contentlocale");
  const locales = options.locales && options.locales.length > 0 ? await resolveLocales(layout, options.locales, localeKey) : undefined;
  return runCheck({
    layout,
    ...(locales && { locales }),
    ...(options.articles && { articles: options.articles }),
    rules,
    limits: { ...DEFAULT_PARSE_LIMITS, ...(options.maxFileBytes !== undefined && { maxFileBytes: options.maxFileBytes }) },
    ...(options.fileSystem && { fileSystem: options.fileSystem }),
  });
}

export { DriftError, type DriftErrorCode } from "./errors.js";
export type { FileSystem } from "./io/file-system.js";
export type { Finding, FindingDraft, RelatedPlace, Severity } from "./model/finding.js";
export type { ParsedDocument, Section } from "./model/document.js";
export type { AlignedSection, Alignment, AlignmentMethod, BaselineMethod, Pair, TranslationBaseline, UnpairedFile } from "./model/pair.js";
export type { ArticleOutline, LocaleSummary, OutlineRow, Report, ReportSummary, SectionOutline, TranslationOutline } from "./model/report.js";
export type { FileContext, Rule, RuleContext } from "./model/rule.js";
export type { RuleLevel, RuleSetting, RuleSettings } from "./engine/rule-settings.js";
export { RULES } from "./rules/index.js";
export { alignSections } from "./align/align.js";
export { parseDocument } from "./parse/document.js";
