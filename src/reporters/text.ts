import pc from "picocolors";
import type { Finding, Severity } from "../model/finding.js";
import type { ArticleOutline, LocaleSummary, Report, TranslationOutline } from "../model/report.js";
import type { StateCounts, WorkList, WorkSection } from "../model/state.js";
import { plural } from "../util/text.js";
import { findingsOutsideTranslations } from "./translation-errors.js";
import { visibleControls } from "./escape.js";

export interface TextOptions {
  /** Decided by the caller from the terminal and NO_COLOR/FORCE_COLOR; never sniffed here. */
  color: boolean;
  /** Every finding, grouped by article and locale, after the verdict. */
  verbose?: boolean;
  /** Whether the check fails under its policy (`--fail-on`, `failOn`), decided by the caller; the summary's mark follows it. */
  failed?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const SEVERITY_COLOR: Record<Severity, keyof Colors> = { error: "red", warning: "yellow", info: "cyan" };

/** Sections named per outdated translation before "and N more". */
const WORK_SECTIONS_SHOWN = 4;

/**
 * The verdict first: a table of states per locale, then the broken translations with the
 * findings that break them, the outdated ones one line each (how far behind, which sections),
 * and one line per locale for missing ones. Problems in the sources and notes about the whole
 * run follow. `verbose` adds every finding as `file:line:col` lines, which terminals and editors
 * turn into links. Ends with a one-line summary.
 */
export function formatText(report: Report, options: TextOptions): string {
  const colors = pc.createColors(options.color);
  const blocks: string[][] = [];
  if (Object.keys(report.summary.byLocale).length > 0) blocks.push(stateTable(report));
  const change = changeLines(report);
  if (change.length > 0) blocks.push(change.map(printable));

  const broken = translationsIn(report.articles, (translation) => translation.state === "broken");
  if (broken.length > 0) {
    const lines = [colors.bold(colors.red(`Broken (${broken.length}): translation errors to fix`))];
    const reasonsOf = brokenReasons(report);
    for (const { article, translation } of broken) {
      lines.push(`  ${colors.bold(printable(translation.locale))}  ${printable(translation.file)}${translation.outdated ? colors.dim("  (also outdated)") : ""}`);
      for (const finding of reasonsOf(article, translation)) lines.push(`    ${formatLine(finding, colors)}`);
    }
    blocks.push(lines);
  }

  const outdated = translationsIn(report.articles, (translation) => translation.state === "outdated");
  if (outdated.length > 0) {
    const lines = [colors.bold(colors.yellow(`Outdated (${outdated.length}): the source changed since they were translated`))];
    for (const { translation } of outdated) lines.push(`  ${colors.bold(printable(translation.locale))}  ${printable(translation.file)}  ${printable(describeWork(translation.work))}`);
    blocks.push(lines);
  }

  const missing = missingLines(report);
  if (missing.length > 0) blocks.push([colors.bold("Missing"), ...missing.map((line) => `  ${line}`)]);

  // Findings outside any translation: problems in the sources, translations without a source,
  // and notes about the whole run.
  const outside = findingsOutsideTranslations(report);
  const sources = outside.filter((finding) => finding.article !== "");
  if (sources.length > 0) blocks.push([colors.bold(`Sources and orphans (${sources.length})`), ...sources.map((finding) => `  ${formatLine(finding, colors)}`)]);
  const notes = outside.filter((finding) => finding.article === "");
  if (notes.length > 0) blocks.push([colors.bold("Notes"), ...notes.map((finding) => `  ${formatLine(finding, colors)}`)]);

  if (options.verbose) blocks.push(everyFinding(report, colors));
  blocks.push([summaryLine(report, colors, options.failed)]);
  return `${blocks.map((block) => block.join("\n")).join("\n\n")}\n`;
}

/**
 * The locales the run judged, with their summaries: a locale without a translation in scope (a
 * Japanese change leaves Chinese unjudged) would read as zeros at full coverage.
 */
export function judgedLocales(report: Report): Array<[string, LocaleSummary]> {
  return Object.entries(report.summary.byLocale).filter(([, summary]) => Object.values(summary.states).some((count) => count > 0));
}

/** The states per locale as an aligned table, one line per locale after the header. */
export function stateTable(report: Report): string[] {
  const header = ["locale", "current", "outdated", "broken", "missing", "sections"];
  const locales = judgedLocales(report);
  const rows = locales.map(([locale, summary]) => [
    printable(locale),
    String(summary.states.current),
    String(summary.states.outdated),
    String(summary.states.broken),
    String(summary.states.missing),
    `${summary.coveragePercent}%`,
  ]);
  const extra = (counts: StateCounts) => counts.unreadable + counts.untracked;
  if (locales.some(([, summary]) => extra(summary.states) > 0)) {
    header.splice(5, 0, "other");
    locales.forEach(([, summary], index) => rows[index]!.splice(5, 0, String(extra(summary.states))));
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), ...rows.map(line)];
}

/**
 * The findings behind each broken translation's state, in report order (by file, line and
 * column), gathered in one pass over the findings: one pass per translation was quadratic, and
 * a packed report decodes its findings on every pass.
 */
export function brokenReasons(report: Report): (article: string, translation: TranslationOutline) => Finding[] {
  const key = (article: string, locale: string) => `${article}\0${locale}`;
  const reasons = new Map<string, Set<string>>();
  for (const article of report.articles) {
    for (const translation of article.translations) if (translation.state === "broken") reasons.set(key(article.article, translation.locale), new Set(translation.reasons));
  }
  const found = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const translation = key(finding.article, finding.locale);
    if (!reasons.get(translation)?.has(finding.fingerprint)) continue;
    const list = found.get(translation);
    if (list) list.push(finding);
    else found.set(translation, [finding]);
  }
  return (article, translation) => found.get(key(article, translation.locale)) ?? [];
}

function translationsIn(articles: readonly ArticleOutline[], keep: (translation: TranslationOutline) => boolean): Array<{ article: string; translation: TranslationOutline }> {
  return articles.flatMap((article) => article.translations.filter(keep).map((translation) => ({ article: article.article, translation })));
}

/** "2 commits (14 lines) behind since 2026-05-01: added `#governance`; changed `#intro`" */
export function describeWork(work: WorkList | undefined): string {
  if (!work) return "";
  const behind =
    work.commitsBehind !== undefined
      ? `${plural(work.commitsBehind, "commit")}${work.changedLines !== undefined ? ` (${plural(work.changedLines, "line")})` : ""} behind`
      : "older than the source";
  const since = work.outdatedSince ? ` since ${work.outdatedSince}` : "";
  const parts: string[] = [];
  const named = (label: string, sections: readonly WorkSection[]) => {
    if (sections.length === 0) return;
    const shown = sections.slice(0, WORK_SECTIONS_SHOWN).map((section) => `\`#${section.anchor}\``);
    const more = sections.length > WORK_SECTIONS_SHOWN ? ` and ${sections.length - WORK_SECTIONS_SHOWN} more` : "";
    parts.push(`${label} ${shown.join(", ")}${more}`);
  };
  named("added", work.added);
  named("changed", work.changed);
  named("removed", work.removed);
  if (work.frontMatter.length > 0) parts.push(`front matter ${work.frontMatter.map((key) => `\`${key}\``).join(", ")}`);
  if (work.includes.length > 0) parts.push(`includes ${work.includes.map((file) => `\`${file}\``).join(", ")}`);
  named("review", work.review ?? []);
  const values = (work.values ?? []).map((item) => `\`${item.key}\` ${item.value === undefined ? "missing" : `\`${item.value}\``} → \`${item.expected}\``);
  if (values.length > 0) parts.push(`values ${values.join(", ")}`);
  // A translation behind only in values the source changed (a version bump) has no commits to name.
  if (work.commitsBehind === undefined && values.length > 0 && parts.length === 1) return `values to update: ${values.join(", ")}`;
  return `${behind}${since}${parts.length > 0 ? `: ${parts.join("; ")}` : ""}`;
}

/** Articles named in the scope line before "and N more". */
const SCOPE_ARTICLES_SHOWN = 4;

/**
 * What a `--changed-since` check looked at and what the change did, in a pull request's words:
 * "Changed since `HEAD~1`: 1 article: `guide.md` (source)" and "This change made 2 translations
 * outdated: de `locales/de/guide.md`, ja `locales/ja/guide.md`". A translation counts as made
 * outdated by the change when it is outdated and its article's source is part of the change.
 * Plain text with backticks; the Markdown reporter renders the same lines.
 */
export function changeLines(report: Report): string[] {
  const scope = report.scope;
  if (scope?.changedSince === undefined || scope.articles === undefined) return [];
  const articles = scope.articles;
  if (articles.length === 0) return [`No article changed since \`${scope.changedSince}\`.`];
  const shown = articles.slice(0, SCOPE_ARTICLES_SHOWN).map((entry) => `\`${entry.article}\` (${entry.locales === "all" ? "source" : entry.locales.join(", ")})`);
  const more = articles.length > SCOPE_ARTICLES_SHOWN ? ` and ${articles.length - SCOPE_ARTICLES_SHOWN} more` : "";
  const lines = [`Changed since \`${scope.changedSince}\`: ${plural(articles.length, "article")}: ${shown.join(", ")}${more}`];
  const sourceChanged = new Set(articles.filter((entry) => entry.locales === "all").map((entry) => entry.article));
  const madeOutdated = translationsIn(report.articles, (translation) => translation.state === "outdated" || translation.outdated === true).filter(({ article }) => sourceChanged.has(article));
  if (madeOutdated.length > 0) {
    const named = madeOutdated.slice(0, WORK_SECTIONS_SHOWN).map(({ translation }) => `${translation.locale} \`${translation.file}\``);
    const rest = madeOutdated.length > WORK_SECTIONS_SHOWN ? ` and ${madeOutdated.length - WORK_SECTIONS_SHOWN} more` : "";
    lines.push(`This change made ${plural(madeOutdated.length, "translation")} outdated: ${named.join(", ")}${rest}.`);
  }
  return lines;
}

function missingLines(report: Report): string[] {
  const lines: string[] = [];
  for (const [locale, summary] of Object.entries(report.summary.byLocale)) {
    if (summary.states.missing === 0) continue;
    lines.push(`${printable(locale)}: ${summary.states.missing} of ${plural(summary.articles, "page")} not translated (\`l10n-drift status --state missing --locale ${printable(locale)}\` lists them)`);
  }
  return lines;
}

function everyFinding(report: Report, colors: Colors): string[] {
  const { findings } = report;
  const lines = [colors.bold(`Every finding (${findings.length})`)];
  const outlines = new Map(report.articles.map((outline) => [outline.article, outline]));
  let article: string | undefined;
  let locale: string | undefined;
  const closeTranslation = () => {
    if (article !== undefined && locale !== undefined) lines.push(...pairingLines(outlines.get(article), locale, colors));
  };
  for (const finding of findings) {
    if (finding.article !== article) {
      closeTranslation();
      article = finding.article;
      locale = undefined;
      // Findings about the whole run (history) have no article.
      lines.push(colors.bold(colors.underline(article === "" ? "(whole tree)" : printable(article))));
    }
    if (finding.locale !== locale) {
      closeTranslation();
      locale = finding.locale;
      lines.push(`  ${colors.bold(printable(locale))}`);
    }
    lines.push(`    ${formatLine(finding, colors)}`);
  }
  closeTranslation();
  return lines;
}

/**
 * How the translation's sections were paired where no shared id decided it: by a score of
 * evidence (`content`) or by level and position alone (`sequence`), so a reader of a finding
 * about a section can see why it was compared with that source section.
 */
function pairingLines(outline: ArticleOutline | undefined, locale: string, colors: Colors): string[] {
  const translation = outline?.translations.find((candidate) => candidate.locale === locale);
  if (outline === undefined || translation === undefined) return [];
  const lines: string[] = [];
  for (const row of translation.rows) {
    if (row.source === undefined || row.translation === undefined || (row.method !== "content" && row.method !== "sequence")) continue;
    const source = outline.sections[row.source];
    // The page titles always pair: no reader wonders why.
    if (source === undefined || (source.level === 1 && row.translation.level === 1)) continue;
    const evidence = row.evidence ? `, score ${row.evidence.score}${row.evidence.kinds.length > 0 ? ` (${row.evidence.kinds.join(", ")})` : ""}` : "";
    lines.push(`    ${colors.dim(printable(`paired  \`${source.title}\` (#${source.anchor}) ↔ \`${row.translation.title}\` (#${row.translation.anchor}) by ${row.method}${evidence}`))}`);
  }
  return lines;
}

function formatLine(finding: Finding, colors: Colors): string {
  const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
  const severity = colors[SEVERITY_COLOR[finding.severity]] as (text: string) => string;
  const known = finding.suppression === "known" ? `  ${colors.dim("(known)")}` : finding.suppression === "new" ? `  ${colors.bold("(new)")}` : "";
  return `${printable(place)}  ${severity(finding.severity.padEnd(7))}  ${printable(finding.message)}  ${colors.dim(finding.ruleId)}${known}`;
}

/**
 * Document text and file names as a terminal can show them harmlessly: a heading or file name
 * holding an escape sequence must not rewrite a CI log, nor a newline split a finding's line.
 * The terminal's one escaping function, `visibleControls`, under the name the reporters use.
 */
export function printable(text: string): string {
  return visibleControls(text);
}

/** "✖ 1 broken, 3 outdated, 2 missing of 6 translations; 16 findings (3 errors, 9 warnings, 4 info) in 1 article × 4 locales" */
export function summaryLine(report: Report, colors: Colors = pc.createColors(false), failed?: boolean): string {
  const { counts, articles, locales, states } = report.summary;
  const total = counts.error + counts.warning + counts.info;
  const scope = `${plural(articles, "article")} × ${plural(locales, "locale")}`;
  // Translations of pages not meant for translation are named apart, not counted as translations.
  const translations = Object.values(states).reduce((sum, count) => sum + count, 0) - states.untracked;
  const untracked = states.untracked > 0 ? ` (${states.untracked} untracked)` : "";
  const known = report.suppressions ? `; ${report.suppressions.new} new, ${report.suppressions.known} known, ${report.suppressions.fixed.length} fixed` : "";
  if (total === 0 && states.broken + states.outdated + states.missing + states.unreadable === 0) return colors.green(`✔ ${plural(translations, "translation")} current${untracked}, no drift in ${scope}`);
  const verdict = `${states.broken} broken, ${states.outdated} outdated, ${states.missing} missing${states.unreadable > 0 ? `, ${states.unreadable} unreadable` : ""} of ${plural(translations, "translation")}${untracked}`;
  const findings = `${plural(total, "finding")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info)`;
  // ✖ only where the check fails: translations broken by warnings alone are work, not a failure
  // at the default `--fail-on error`.
  const fails = failed ?? (states.unreadable > 0 || brokenByErrors(report));
  const mark = fails ? colors.red("✖") : colors.yellow("⚠");
  return `${mark} ${verdict}; ${findings} in ${scope}${known}`;
}

/** Whether a broken translation has an error among its reasons: what fails a check at the default `--fail-on error`. */
function brokenByErrors(report: Report): boolean {
  const errors = new Set(report.findings.filter((finding) => finding.severity === "error").map((finding) => finding.fingerprint));
  return report.articles.some((article) => article.translations.some((translation) => translation.state === "broken" && translation.reasons.some((reason) => errors.has(reason))));
}
