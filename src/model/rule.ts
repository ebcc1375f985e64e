import type { ParsedDocument } from "./document.js";
import type { FindingDraft, Severity } from "./finding.js";
import type { HistoryGap, Pair, UnpairedFile } from "./pair.js";

/** Facts a rule may use besides the documents: gathered by the engine, never looked up by a rule. */
export interface RuleContext<Options = Record<string, unknown>> {
  /** The rule's options, defaults merged with configuration; frozen. */
  options: Readonly<Options>;
  /** Locale of the English (or other) source, such as `en`. */
  sourceLocale: string;
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
 * A rule is plain data plus pure functions: given what the engine gathered, it returns findings.
 * No file system, git, clock or console. Each hook is optional; the engine calls:
 * - `checkFile` once for every file, source and translation, that could be read;
 * - `checkPair` for every article × locale where both files exist and parsed;
 * - `checkUnpaired` where one side is missing;
 * - `checkRun` once, after everything else, with facts about the whole run.
 */
export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  /** Kebab-case, names the problem, equals the file name. */
  id: string;
  severity: Severity;
  /** One line, for `--help`, README, SARIF and the HTML report. */
  description: string;
  /** Default options; configuration may override them. */
  options: Options;
  checkFile?(context: FileContext<Options>): FindingDraft[];
  checkPair?(pair: Pair, context: RuleContext<Options>): FindingDraft[];
  checkUnpaired?(unpaired: UnpairedFile, context: RuleContext<Options>): FindingDraft[];
  checkRun?(run: RunFacts, context: RuleContext<Options>): FindingDraft[];
}

/** Erases a rule's option type for the registry. */
export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
