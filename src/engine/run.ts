import picomatch from "picomatch";
import { alignSections } from "../align/align.js";
import { DriftError } from "../errors.js";
import type { HistoryProvider } from "../history/provider.js";
import type { ParsedDocument } from "../model/document.js";
import type { Finding, FindingDraft } from "../model/finding.js";
import type { Pair, UnpairedFile } from "../model/pair.js";
import type { ArticleOutline, LocaleSummary, Report, SectionOutline, TranslationOutline } from "../model/report.js";
import type { ParseLimits } from "../parse/document.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { joinRelative, takeInventory } from "./discover.js";
import type { LocaleLayout, TreeLayout } from "./layout.js";
import { loadDocument } from "./load.js";
import { movedTranslations, type MovedTranslations } from "./moved.js";
import type { ActiveRule } from "./rule-settings.js";
import { sortFindings } from "./sort.js";

export interface EngineOptions {
  layout: TreeLayout;
  /** Locale names to check; all when absent. */
  locales?: readonly string[];
  /** Globs over source article paths (relative to the source directory); all when absent. */
  articles?: readonly string[];
  rules: readonly ActiveRule[];
  limits: ParseLimits;
  /** Where translation baselines come from; without it no pair has one. */
  history?: HistoryProvider;
}

interface ArticleResult {
  findings: Finding[];
  outline: ArticleOutline;
}

/** Checks every article of the tree against every selected locale and builds the report. */
export async function runCheck(options: EngineOptions): Promise<Report> {
  const { layout } = options;
  const inventory = await takeInventory(layout);
  const selected = layout.locales.filter((locale) => !options.locales || options.locales.includes(locale.name));
  const inScope = options.articles && options.articles.length > 0 ? picomatch([...options.articles]) : () => true;
  const articles = inventory.articles.filter((article) => inScope(article));
  const sourceSet = new Set(inventory.articles);
  const moved = movedTranslations(inventory.translations, sourceSet, layout, options.history);

  const findings: Finding[] = [];
  const outlines: ArticleOutline[] = [];
  for (const article of articles) {
    const result = await checkArticle(article, selected, inventory.translations, moved, options);
    findings.push(...result.findings);
    outlines.push(result.outline);
  }
  for (const locale of selected) {
    const movedAway = new Set(moved.get(locale.name)?.values());
    for (const relative of inventory.translations.get(locale.name) ?? []) {
      if (sourceSet.has(relative) || movedAway.has(relative) || !inScope(relative)) continue;
      findings.push(...checkOrphan(relative, locale, options));
    }
  }
  if (options.history) findings.push(...runFindings(options));
  const sorted = sortFindings(findings);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: summarize(outlines, selected, sorted),
    findings: sorted,
    articles: outlines,
  };
}

async function checkArticle(
  article: string,
  locales: readonly LocaleLayout[],
  translations: ReadonlyMap<string, ReadonlySet<string>>,
  moved: MovedTranslations,
  options: EngineOptions,
): Promise<ArticleResult> {
  const { layout, rules, limits } = options;
  const sourceFile = joinRelative(layout.sourceDir, article);
  // A translation left at its source's old path is checked against the renamed source.
  const translationPath = (locale: LocaleLayout): string | undefined =>
    translations.get(locale.name)?.has(article) ? article : moved.get(locale.name)?.get(article);
  const present = locales.filter((locale) => translationPath(locale) !== undefined);
  const [source, ...translated] = await Promise.all([
    loadDocument(layout.root, sourceFile, limits),
    ...present.map((locale) => loadDocument(layout.root, joinRelative(locale.dir, translationPath(locale)!), limits)),
  ]);
  const findings = fileFindings(source!, article, layout.sourceLocale, undefined, true, options);
  const outline: ArticleOutline = { article, file: sourceFile, sections: source!.sections.filter(isHeading).map(toOutline), translations: [] };

  for (const locale of locales) {
    const index = present.indexOf(locale);
    const expectedFile = joinRelative(locale.dir, article);
    if (index === -1) {
      const unpaired: UnpairedFile = { article, locale: locale.name, file: sourceFile, side: "source", expectedFile };
      findings.push(...unpairedFindings(unpaired, rules, layout.sourceLocale));
      outline.translations.push({ locale: locale.name, file: expectedFile, status: "missing", rows: [] });
      continue;
    }
    const translation = translated[index]!;
    findings.push(...fileFindings(translation, article, locale.name, locale.code, false, options));
    if (!source!.usable || !translation.usable) {
      outline.translations.push({ locale: locale.name, file: translation.file, status: "unreadable", rows: [] });
      continue;
    }
    const pair: Pair = { article, locale: locale.name, source: source!, translation, alignment: alignSections(source!.sections, translation.sections) };
    const translationAt = translationPath(locale)!;
    if (translationAt !== article) pair.translationAt = translationAt;
    if (options.history) pair.baseline = await options.history.baselineFor(sourceFile, source!, translation);
    findings.push(...pairFindings(pair, rules, layout.sourceLocale));
    outline.translations.push(translationOutline(pair));
  }
  return { findings, outline };
}

function runFindings(options: EngineOptions): Finding[] {
  const facts = { sourceDir: options.layout.sourceDir, history: options.history!.summary() };
  const findings: Finding[] = [];
  for (const active of options.rules) {
    if (!active.rule.checkRun) continue;
    const drafts = guard(active, options.layout.sourceDir, () => active.rule.checkRun!(facts, { options: active.options, sourceLocale: options.layout.sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, options.layout.sourceLocale, "")));
  }
  return findings;
}

function checkOrphan(relative: string, locale: LocaleLayout, options: EngineOptions): Finding[] {
  const unpaired: UnpairedFile = {
    article: relative,
    locale: locale.name,
    file: joinRelative(locale.dir, relative),
    side: "translation",
    expectedFile: joinRelative(options.layout.sourceDir, relative),
  };
  return unpairedFindings(unpaired, options.rules, options.layout.sourceLocale);
}

function fileFindings(
  document: ParsedDocument,
  article: string,
  locale: string,
  localeCode: string | undefined,
  isSource: boolean,
  options: EngineOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const active of options.rules) {
    if (!active.rule.checkFile) continue;
    // An unusable document has only its problems to report; other rules would see an empty file.
    if (!document.usable && active.rule.id !== "parse-error") continue;
    const context = { document, locale, isSource, options: active.options, sourceLocale: options.layout.sourceLocale };
    const drafts = guard(active, document.file, () => active.rule.checkFile!(localeCode === undefined ? context : { ...context, localeCode }));
    findings.push(...drafts.map((draft) => stamp(draft, active, locale, article)));
  }
  return findings;
}

function pairFindings(pair: Pair, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const findings: Finding[] = [];
  for (const active of rules) {
    if (!active.rule.checkPair) continue;
    const drafts = guard(active, pair.translation.file, () => active.rule.checkPair!(pair, { options: active.options, sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, pair.locale, pair.article)));
  }
  return findings;
}

function unpairedFindings(unpaired: UnpairedFile, rules: readonly ActiveRule[], sourceLocale: string): Finding[] {
  const findings: Finding[] = [];
  for (const active of rules) {
    if (!active.rule.checkUnpaired) continue;
    const drafts = guard(active, unpaired.file, () => active.rule.checkUnpaired!(unpaired, { options: active.options, sourceLocale }));
    findings.push(...drafts.map((draft) => stamp(draft, active, unpaired.locale, unpaired.article)));
  }
  return findings;
}

/** A rule that throws is a bug in the tool: stop with the rule and file named, never swallow it. */
function guard(active: ActiveRule, file: string, run: () => FindingDraft[]): FindingDraft[] {
  try {
    return run();
  } catch (error) {
    throw new DriftError("RULE_FAILED", `rule \`${active.rule.id}\` failed on \`${file}\`: ${error instanceof Error ? error.message : String(error)}`, { ruleId: active.rule.id, file }, { cause: error });
  }
}

/** The finding in its published key order: the JSON output depends on it. */
function stamp(draft: FindingDraft, active: ActiveRule, locale: string, article: string): Finding {
  return {
    ruleId: active.rule.id,
    severity: active.severityConfigured ? active.severity : (draft.severity ?? active.severity),
    locale,
    article,
    file: draft.file,
    ...(draft.line !== undefined && { line: draft.line }),
    ...(draft.column !== undefined && { column: draft.column }),
    ...(draft.anchor !== undefined && { anchor: draft.anchor }),
    message: draft.message,
    ...(draft.related !== undefined && draft.related.length > 0 && { related: draft.related }),
    ...(draft.data !== undefined && { data: draft.data }),
  };
}

function isHeading(section: { level: number }): boolean {
  return section.level > 0;
}

function toOutline(section: { anchor: string; title: string; level: number; line: number }): SectionOutline {
  return { anchor: section.anchor, title: section.title, level: section.level, line: section.line };
}

function translationOutline(pair: Pair): TranslationOutline {
  // Outline rows index the source's headings only; the preamble is not a row.
  const headingIndex = new Map<number, number>();
  pair.source.sections.filter(isHeading).forEach((section, index) => headingIndex.set(section.index, index));
  const rows: TranslationOutline["rows"] = [];
  for (const row of pair.alignment.rows) {
    const translation = row.translation === undefined ? undefined : pair.translation.sections[row.translation];
    const source = row.source === undefined ? undefined : headingIndex.get(row.source);
    if (source === undefined && (translation === undefined || !isHeading(translation))) continue;
    const outlineRow: TranslationOutline["rows"][number] = {};
    if (source !== undefined) outlineRow.source = source;
    if (translation !== undefined && isHeading(translation)) outlineRow.translation = toOutline(translation);
    if (row.method !== undefined && outlineRow.source !== undefined && outlineRow.translation !== undefined) outlineRow.method = row.method;
    rows.push(outlineRow);
  }
  return { locale: pair.locale, file: pair.translation.file, status: "translated", rows };
}

function summarize(outlines: readonly ArticleOutline[], locales: readonly LocaleLayout[], findings: readonly Finding[]): Report["summary"] {
  const byLocale: Record<string, LocaleSummary> = {};
  for (const locale of locales) {
    byLocale[locale.name] = { articles: 0, translations: 0, sourceSections: 0, translatedSections: 0, coveragePercent: 100, counts: { error: 0, warning: 0, info: 0 } };
  }
  for (const outline of outlines) {
    for (const translation of outline.translations) {
      const summary = byLocale[translation.locale]!;
      summary.articles++;
      summary.sourceSections += outline.sections.length;
      if (translation.status === "missing") continue;
      summary.translations++;
      summary.translatedSections += translation.rows.filter((row) => row.source !== undefined && row.translation !== undefined).length;
    }
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) {
    counts[finding.severity]++;
    const summary = byLocale[finding.locale];
    if (summary) summary.counts[finding.severity]++;
  }
  for (const summary of Object.values(byLocale)) {
    summary.coveragePercent = summary.sourceSections === 0 ? 100 : Math.floor((summary.translatedSections / summary.sourceSections) * 1000) / 10;
  }
  return {
    articles: outlines.length,
    translations: Object.values(byLocale).reduce((total, summary) => total + summary.translations, 0),
    locales: locales.length,
    counts,
    byLocale,
  };
}
