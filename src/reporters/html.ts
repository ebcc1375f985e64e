import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { SEVERITIES, type Finding, type Severity } from "../model/finding.js";
import type { AlignmentMethod } from "../model/pair.js";
import type { ArticleOutline, Report, TranslationOutline } from "../model/report.js";
import type { AnyRule } from "../model/rule.js";
import { escapeHtml, jsonForScript } from "./escape.js";
import { CLIENT_SCRIPT, CLIENT_STYLE } from "./html-client.js";
import { summaryLine } from "./text.js";

export interface HtmlOptions {
  /** The rule registry, for the rule filter; rules no finding names are listed too. */
  rules: readonly (Pick<AnyRule, "id" | "severity" | "description"> & { url?: string })[];
}

/**
 * What the page's script reads, as compact as stays readable: a report of 5,000 articles in four
 * locales is megabytes, so records are arrays (field order below), names that repeat are indexes
 * into `locales`, `rules` and `files`, and the usual row (the next source section's heading,
 * translated, at its level, matched by its anchor) is the translated title alone.
 */
export interface HtmlData {
  locales: string[];
  /** `url`: the rule's docs page, which a finding's rule name links to; empty for a rule the registry lacks. */
  rules: Array<{ id: string; severity: Severity; description: string; url: string }>;
  files: string[];
  /** [article, source sections, translations]; an orphan translation's article has neither. */
  articles: Array<[article: string, sourceFile: number, sections: HtmlSection[], translations: HtmlTranslation[]]>;
  findings: HtmlFinding[];
}

/** [level, title, anchor] */
export type HtmlSection = [level: number, title: string, anchor: string];
/** [locale, status (0 translated, 1 missing, 2 unreadable), file, rows] */
export type HtmlTranslation = [locale: number, status: number, file: number, rows: HtmlRow[]];
/**
 * A title: the translation of the source section after the previous row's, as described above;
 * [source]: a missing section; otherwise [source or -1, level, title, method, anchor if not the source's].
 */
export type HtmlRow = string | [source: number] | [source: number, level: number, title: string, method: number, anchor?: string];
/** [article, locale, rule, severity, file, line (0: none), column, message] */
export type HtmlFinding = [article: number, locale: number, rule: number, severity: number, file: number, line: number, column: number, message: string];

const STATUS: Record<TranslationOutline["status"], number> = { translated: 0, missing: 1, unreadable: 2 };
const METHOD: Record<AlignmentMethod, number> = { anchor: 0, sequence: 1, preamble: 2, content: 3 };

/** Nothing loads or runs but the page's own style and script; the JSON data block is not a script. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${sha256(CLIENT_STYLE)}'`,
  `script-src '${sha256(CLIENT_SCRIPT)}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * One self-contained page: the summary per locale as HTML, then the heat map of articles × locales
 * and each article's side-by-side alignment, drawn by the inline script from the embedded data.
 * The Content-Security-Policy allows nothing but the page's own style and script, by hash.
 */
export function formatHtml(report: Report, options: HtmlOptions): string {
  const data = htmlData(report, options.rules);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translation drift · ${escapeHtml(report.tool.name)}</title>
<style>${CLIENT_STYLE}</style>
</head>
<body>
<header>
<h1>Translation drift</h1>
<p class="summary">${escapeHtml(summaryLine(report))}</p>
${runNotes(report)}</header>
<h2>Locales</h2>
${localeTable(report)}
<h2>Articles <span class="summary" id="listed"></span></h2>
<div class="filters">
<label>Locale <select id="filter-locale"><option value="-1">all</option></select></label>
<label>Rule <select id="filter-rule"><option value="-1">all</option></select></label>
<label><input type="checkbox" id="filter-drift"> only articles with findings</label>
<label>Path <input type="search" id="filter-text" placeholder="contains…"></label>
<label>Sort <select id="sort"><option value="path">by path</option><option value="findings">most severe first</option></select></label>
</div>
<p class="legend"><span class="sev-error">✖ errors</span><span class="sev-warning">⚠ warnings</span><span class="sev-info">ℹ info</span><span class="sev-none">✓ no findings</span> Click an article to see its sections side by side.</p>
<noscript><p>The heat map and the side-by-side view need JavaScript; drift.json has the same data.</p></noscript>
<table id="heat"><thead></thead><tbody></tbody></table>
<button id="more" type="button" hidden></button>
${dataBlock(data)}
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** Findings about the whole run (how history went) are notes on the page, not heat map cells. */
function runNotes(report: Report): string {
  const notes = report.findings.filter(isRunLevel);
  if (notes.length === 0) return "";
  return `<ul class="notes">${notes.map((finding) => `<li>${escapeHtml(finding.severity)}: ${escapeHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code></li>`).join("")}</ul>\n`;
}

function isRunLevel(finding: Report["findings"][number]): boolean {
  return finding.article === "";
}

/** Above this size the embedded data is compressed: a whole site's report stays a few megabytes. */
const COMPRESS_ABOVE_CHARS = 512 * 1024;

/**
 * The data as JSON, or for a large report as gzip in base64, which the page unpacks with
 * DecompressionStream. Node's gzip writes no time stamp, so the same report gives the same bytes.
 */
function dataBlock(data: HtmlData): string {
  const json = jsonForScript(data);
  if (json.length <= COMPRESS_ABOVE_CHARS) return `<script type="application/json" id="drift-data">${json}</script>`;
  const packed = gzipSync(JSON.stringify(data), { level: 9 }).toString("base64");
  return `<script type="application/gzip+base64" id="drift-data">${packed}</script>`;
}

function localeTable(report: Report): string {
  const rows = Object.entries(report.summary.byLocale).map(([locale, summary]) => {
    const { error, warning, info } = summary.counts;
    return `<tr><th scope="row">${escapeHtml(locale)}</th><td class="num">${summary.translations}/${summary.articles}</td><td><meter min="0" max="100" low="80" high="99" optimum="100" value="${summary.coveragePercent}"></meter>${summary.coveragePercent}%</td><td class="num">${error}</td><td class="num">${warning}</td><td class="num">${info}</td></tr>`;
  });
  return `<table id="locales">\n<thead><tr><th>locale</th><th>translations</th><th>section coverage</th><th>errors</th><th>warnings</th><th>info</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

/** The embedded data, in report order: articles as the engine listed them, then orphans' paths. */
export function htmlData(report: Report, registry: HtmlOptions["rules"]): HtmlData {
  const files = new Interner();
  const locales = new Interner();
  for (const locale of Object.keys(report.summary.byLocale)) locales.index(locale);
  const perArticle = report.findings.filter((finding) => !isRunLevel(finding));
  for (const finding of perArticle) locales.index(finding.locale);
  const rules = registry.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, url: rule.url ?? "" }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const finding of perArticle) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push({ id: finding.ruleId, severity: finding.severity, description: "", url: "" });
  }
  const articles: HtmlData["articles"] = report.articles.map((outline) => articleData(outline, files, locales));
  const articleIndex = new Map(report.articles.map((outline, index) => [outline.article, index]));
  const findings = perArticle.map((finding): HtmlFinding => {
    let index = articleIndex.get(finding.article);
    if (index === undefined) {
      index = articles.length;
      articleIndex.set(finding.article, index);
      articles.push([finding.article, -1, [], []]);
    }
    return findingData(finding, index, locales.index(finding.locale), ruleIndex.get(finding.ruleId)!, files);
  });
  return { locales: locales.values, rules, files: files.values, articles, findings };
}

function articleData(outline: ArticleOutline, files: Interner, locales: Interner): HtmlData["articles"][number] {
  const sourceFile = files.index(outline.file);
  const sections = outline.sections.map((section): HtmlSection => [section.level, section.title, section.anchor]);
  const translations = outline.translations.map((translation): HtmlTranslation => {
    let previous = -1;
    const rows = translation.rows.map((row): HtmlRow => {
      const source = row.source ?? -1;
      const after = previous;
      if (source !== -1) previous = source;
      if (!row.translation) return [source];
      const sourceSection = outline.sections[source];
      const method = row.method ?? "anchor";
      if (source === after + 1 && method === "anchor" && row.translation.level === sourceSection?.level && row.translation.anchor === sourceSection.anchor) return row.translation.title;
      const compact: HtmlRow = [source, row.translation.level, row.translation.title, METHOD[method]];
      if (row.translation.anchor !== sourceSection?.anchor) compact.push(row.translation.anchor);
      return compact;
    });
    return [locales.index(translation.locale), STATUS[translation.status], files.index(translation.file), rows];
  });
  return [outline.article, sourceFile, sections, translations];
}

function findingData(finding: Finding, article: number, locale: number, rule: number, files: Interner): HtmlFinding {
  return [article, locale, rule, SEVERITIES.indexOf(finding.severity), files.index(finding.file), finding.line ?? 0, finding.column ?? 1, finding.message];
}

/** Strings to indexes, in first-seen order. */
class Interner {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
