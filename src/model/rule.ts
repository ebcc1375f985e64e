import type { PresetKeys } from "./keys.js";
import type { ParsedDocument } from "./document.js";
import type { FindingDraft, Severity } from "./finding.js";
import type { HistoryGap, Pair, UnpairedFile } from "./pair.js";

/** Facts a rule may use besides the documents: gathered by the engine, never looked up by a rule. */
export interface RuleContext<Options = Record<string, unknown>> {
  /** The rule's options, defaults merged with configuration; frozen. */
  options: Readonly<Options>;
  /** Locale of the English (or other) source, such as `en`. */
  sourceLocale: string;
  /** The layout's front matter keys (date, locale, pins, translated keys): a rule never names a preset's key. */
  keys: Readonly<PresetKeys>;
}

export interface FileContext<Options = Record<string, unknown>> extends RuleContext<Options> {
  document: ParsedDocument;
  /** The locale folder the file is in, or the source locale. */
  locale: string;
  isSource: boolean;
  /** BCP 47 code configured for the locale, when there is one. */
  localeCode?: string;
}

/** How reading history went for the whole run. */
export interface HistorySummary {
  /** `available`, or why there was no history: no repository, no git, or turned off. */
  state: "available" | "not-a-repository" | "git-missing" | "disabled";
  shallow: boolean;
  /** Translations whose baseline history could not tell, by reason, with one example file. */
  gaps: Array<{ reason: HistoryGap; count: number; example: string }>;
  /** In a shallow clone: pins naming a commit or source version the clone does not have. */
  unknownPins: number;
  /** Unusable pins of translations committed with their sources: copied from another repository, said once. */
  importedPins: number;
}

/** Facts about the whole run, for findings said once rather than per file. */
export interface RunFacts {
  /** The source directory, relative to the root: where run-level findings point. */
  sourceDir: string;
  history: HistorySummary;
}

/**
 * A bad or good example of a rule, as Markdown: the English source (`articles/example.md`) and
 * its German translation (`locales/de/example.md`). Absent side: there is no such file. With
 * `translatedFrom`, the example is a git repository in which the translation was committed with
 * that version of the source, and `source` was committed after it.
 */
export interface RuleExample {
  source?: string;
  translation?: string;
  translatedFrom?: string;
  /** The source's path (relative to `articles/`) at the translation's commit, when it was renamed since; the translation stays there. */
  renamedFrom?: string;
  /** The translation's path relative to its locale folder, when it is not the source's (`example.md`). */
  translationPath?: string;
  /**
   * The translation as a last commit changes it; the example is then checked as that change
   * (`--changed-since` the commit before). In the translations, `{translatedFrom}` and `{source}`
   * stand for the commits that wrote those source versions.
   */
  changedTranslation?: string;
}

/** A JSON Schema object, as ajv takes it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * A rule is metadata plus pure functions, as ESLint's `meta` beside `create`: given what the engine
 * gathered, it returns drafts, which the engine validates and renders. No file system, git, clock
 * or console. Each hook is optional; the engine calls:
 * - `checkFile` once for every file, source and translation, that could be read (and, with
 *   `reportsUnusable`, also for those that could not);
 * - `checkPair` for every article × locale where both files exist and parsed;
 * - `checkUnpaired` where one side is missing;
 * - `checkRun` once, after everything else, with facts about the whole run.
 */
export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  /** Kebab-case, names the problem, equals the file name. */
  id: string;
  /** One line, for `--help`, README, SARIF and the HTML report. */
  description: string;
  /** Why it matters to a translator: a paragraph of the rule's docs page. */
  rationale: string;
  /** The main severity: a configured level replaces it for every message whose default it is. */
  severity: Severity;
  /** messageId → template; `{name}` is replaced by `data.name`. One line each. */
  messages: Readonly<Record<string, string>>;
  /** Messages whose default severity is not `severity` (such as an `info` variant). */
  messageSeverity?: Readonly<Record<string, Severity>>;
  /** Default options; configuration may override them. */
  options: Options;
  /** JSON Schema of each option, by name; configuration is validated against them, nothing else is allowed. */
  optionsSchema: Readonly<Record<string, JsonSchema>>;
  examples: { bad: RuleExample; good: RuleExample };
  /** The rule reports on documents that could not be read or parsed; other rules never see them. */
  reportsUnusable?: boolean;
  /** Off unless the configuration gives it a level: what it says is already in the report another way. */
  offByDefault?: boolean;
  checkFile?(context: FileContext<Options>): FindingDraft[];
  checkPair?(pair: Pair, context: RuleContext<Options>): FindingDraft[];
  checkUnpaired?(unpaired: UnpairedFile, context: RuleContext<Options>): FindingDraft[];
  checkRun?(run: RunFacts, context: RuleContext<Options>): FindingDraft[];
}

/** Erases a rule's option type for the registry. */
export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A rule as the registry publishes it: with the URL of its docs page for this version. */
export type RegisteredRule = AnyRule & { readonly url: string };

/** The messageId of the one finding that stands for a rule's findings past the cap in one file. */
export const MORE_FINDINGS = "more-findings";
export const MORE_FINDINGS_MESSAGE = "And {count} more `{ruleId}` findings in this file, not listed; fix the ones above and check again.";

/** The severity a message has when configuration says nothing about it. */
export function defaultSeverity(rule: Pick<AnyRule, "severity" | "messageSeverity">, messageId: string): Severity {
  return rule.messageSeverity?.[messageId] ?? rule.severity;
}
