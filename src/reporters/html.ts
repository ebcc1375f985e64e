import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { SEVERITIES, type Finding, type Severity } from "../model/finding.js";
import type { AlignmentMethod } from "../model/pair.js";
import type { ArticleOutline, LocaleSummary, Report, TranslationOutline } from "../model/report.js";
import type { AnyRule } from "../model/rule.js";
import { TRANSLATION_STATES, type TranslationState, type WorkList } from "../model/state.js";
import { escapeHtml, jsonForScript } from "./escape.js";
import { parseUrl } from "../util/url.js";
import { CLIENT_SCRIPT, CLIENT_STYLE } from "./html-client.js";
import { describeWork, judgedLocales, printable, summaryLine } from "./text.js";
import { findingsOutsideTranslations, inAnyTranslation, translationErrors } from "./translation-errors.js";

/** Where the checked tree lives on the web, so the page can link files, their history and compare views. */
export interface HtmlRepository {
  /** The repository's web address, `https:` only (`https://github.com/withastro/starlight`). */
  url: string;
  /** The branch the files are read at; `HEAD` (the default branch) when not given. */
  branch?: string;
  /** The checked tree's folder inside the repository (`docs`), when it is not the repository's root. */
  rootDir?: string;
}

export interface HtmlOptions {
  /** The rule registry, for the rule filter; rules no finding names are listed too. */
  rules: readonly (Pick<AnyRule, "id" | "severity" | "description"> & { url?: string })[];
  /** Without it, or with an address that is not `https:`, the page has no links. */
  repository?: HtmlRepository;
}

/**
 * What the page's script reads, as compact as stays readable: a report of 5,000 articles in four
 * locales is megabytes, so records are arrays (field order below), names that repeat are indexes
 * into `locales`, `rules`, `states` and `files`, and the usual row (the next source section's
 * heading, translated, at its level, matched by its anchor) is the translated title alone.
 */
export interface HtmlData {
  /** Translation locales only: the source locale is never a column. */
  locales: string[];
  /** `TRANSLATION_STATES`, which `HtmlTranslation`'s state indexes. */
  states: TranslationState[];
  /** `url`: the rule's docs page, which a finding's rule name links to; empty for a rule the registry lacks. */
  rules: Array<{ id: string; severity: Severity; description: string; url: string }>;
  files: string[];
  /** [article, source file, source sections, translations] */
  articles: Array<[article: string, sourceFile: number, sections: HtmlSection[], translations: HtmlTranslation[]]>;
  /** Findings about a translation; problems of sources and orphans are listed in the page's HTML. */
  findings: HtmlFinding[];
  /** Links are built from this, already checked to be `https:`. */
  repository?: { url: string; ref: string; root: string };
}

/** [level, title, anchor] */
export type HtmlSection = [level: number, title: string, anchor: string];
/**
 * [locale, status (0 translated, 1 missing, 2 unreadable), file, rows, state, errors (its reason
 * findings when broken), work (when outdated, broken ones included)]
 */
export type HtmlTranslation = [locale: number, status: number, file: number, rows: HtmlRow[], state: number, errors: number, work?: HtmlWork];
/**
 * [the work list in one line (`describeWork`), baseline commit or "", commits behind or -1,
 * added anchors, changed [anchor, kinds], removed [anchor, title]]
 */
export type HtmlWork = [line: string, commit: string, commitsBehind: number, added: string[], changed: Array<[anchor: string, kinds: string]>, removed: Array<[anchor: string, title: string]>];
/**
 * A title: the translation of the source section after the previous row's, as described above;
 * [source]: a missing section; otherwise [source or -1, level, title, method, anchor if not the source's].
 */
export type HtmlRow = string | [source: number] | [source: number, level: number, title: string, method: number, anchor?: string];
/** [article, locale, rule, severity, file, line (0: none), column, message, 1 when it is an error to fix (it breaks the translation) else 0] */
export type HtmlFinding = [article: number, locale: number, rule: number, severity: number, file: number, line: number, column: number, message: string, error: number];

const STATUS: Record<TranslationOutline["status"], number> = { translated: 0, missing: 1, unreadable: 2 };
const METHOD: Record<AlignmentMethod, number> = { anchor: 0, sequence: 1, preamble: 2, content: 3 };

/** The locale bar's segments, in the order the bar draws them, with their labels. */
const BAR_STATES: ReadonlyArray<[TranslationState, string]> = [
  ["current", "done"],
  ["outdated", "outdated"],
  ["broken", "broken"],
  ["missing", "missing"],
  ["unreadable", "unreadable"],
  ["untracked", "untracked"],
];
/** Always named in a locale's label, even at 0; the others only when there are some. */
const ALWAYS_LABELLED = new Set<TranslationState>(["current", "outdated", "broken", "missing"]);

/**
 * One self-contained page: the states per locale as HTML, then the heat map of articles × locales
 * coloured by state and each article's side-by-side alignment, drawn by the inline script from the
 * embedded data. The Content-Security-Policy allows nothing but the page's own style and script,
 * by hash; the style includes the bars' widths, as the policy forbids style attributes.
 */
export function formatHtml(report: Report, options: HtmlOptions): string {
  const data = htmlData(report, options.rules, options.repository);
  const locales = judgedLocales(report);
  const style = CLIENT_STYLE + barWidths(locales.map(([, summary]) => summary));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translation drift · ${escapeHtml(report.tool.name)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>Translation drift</h1>
<p class="summary">${escapeHtml(summaryLine(report))}</p>
${runNotes(report)}</header>
<h2>Locales</h2>
${localeTable(locales)}
${sourceList(report)}<h2>Articles <span class="summary" id="listed"></span></h2>
<div class="filters">
<label>Locale <select id="filter-locale"><option value="">all</option></select></label>
<fieldset id="filter-state"><legend>State</legend></fieldset>
<details id="filter-rule"><summary>Rules: <span id="rule-choice">all</span></summary><div class="choices"></div></details>
<label>Path <input type="search" id="filter-text" placeholder="contains…"></label>
<label>Sort <select id="sort"><option value="path">by path</option><option value="work">most work first</option></select></label>
<button id="reset" type="button">Clear filters</button>
</div>
<p class="legend"><span class="st-current">✓ current</span><span class="st-outdated">3 behind: outdated</span><span class="st-broken">2 errors: broken</span><span class="st-missing">missing</span><span class="st-unreadable">unreadable</span> Click an article to see its sections side by side and what to do.</p>
<noscript><p>The heat map and the side-by-side view need JavaScript; drift.json has the same data.</p></noscript>
<p id="loading" role="status">Loading ${data.articles.length.toLocaleString("en-US")} ${data.articles.length === 1 ? "article" : "articles"}…</p>
<table id="heat"><thead></thead><tbody></tbody></table>
<button id="more" type="button" hidden></button>
${dataBlock(data)}
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** Nothing loads or runs but the page's own style and script; the JSON data block is not a script. */
function contentSecurityPolicy(style: string): string {
  return ["default-src 'none'", `style-src '${sha256(style)}'`, `script-src '${sha256(CLIENT_SCRIPT)}'`, "base-uri 'none'", "form-action 'none'"].join("; ");
}

/** Findings about the whole run (how history went) are notes on the page, not heat map cells. */
function runNotes(report: Report): string {
  const notes = report.findings.filter(isRunLevel);
  if (notes.length === 0) return "";
  return `<ul class="notes">${notes.map((finding) => `<li>${escapeHtml(finding.severity)}: ${messageHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code></li>`).join("")}</ul>\n`;
}

function isRunLevel(finding: Finding): boolean {
  return finding.article === "";
}

/** A rule's backticked names as code, everything escaped, control characters made visible. */
function messageHtml(message: string): string {
  return printable(message)
    .split("`")
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");
}

/**
 * A bar segment's width is its count as `flex-grow`, from one class per distinct count: the policy
 * allows no style attributes, and the stylesheet is hashed with these rules in it.
 */
function barWidths(summaries: readonly LocaleSummary[]): string {
  const counts = new Set<number>();
  for (const summary of summaries) for (const [state] of BAR_STATES) if (summary.states[state] > 0) counts.add(summary.states[state]);
  return [...counts]
    .sort((a, b) => a - b)
    .map((count) => `.bar .n${count} { flex-grow: ${count}; }\n`)
    .join("");
}

function localeTable(locales: ReadonlyArray<[string, LocaleSummary]>): string {
  const rows = locales.map(([locale, summary]) => {
    const segments = BAR_STATES.filter(([state]) => summary.states[state] > 0)
      .map(([state, label]) => `<span class="st-${state} n${summary.states[state]}" title="${summary.states[state]} ${label}">${summary.states[state]}</span>`)
      .join("");
    const label = BAR_STATES.filter(([state]) => ALWAYS_LABELLED.has(state) || summary.states[state] > 0)
      .map(([state, label]) => `${summary.states[state]} ${label}`)
      .join(" · ");
    return `<tr data-locale="${escapeHtml(locale)}"><th scope="row">${escapeHtml(locale)}</th><td class="states"><div class="bar" aria-hidden="true">${segments}</div><span class="bar-label">${label}</span></td><td><meter min="0" max="100" low="80" high="99" optimum="100" value="${summary.coveragePercent}"></meter>${summary.coveragePercent}%</td></tr>`;
  });
  return `<table id="locales">\n<thead><tr><th>locale</th><th>translations</th><th>section coverage</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

/** Findings that belong to no translation: a source file's problems, a translation without a source. */
function outsideFindings(report: Report): Finding[] {
  return findingsOutsideTranslations(report).filter((finding) => !isRunLevel(finding));
}

function sourceList(report: Report): string {
  const findings = outsideFindings(report);
  if (findings.length === 0) return "";
  const items = findings.map((finding) => {
    const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
    return `<li><span class="badge sev-${finding.severity}">${finding.severity}</span><span class="place">${escapeHtml(printable(place))}</span><span class="message">${messageHtml(finding.message)}</span><span class="rule">${escapeHtml(finding.ruleId)}</span></li>`;
  });
  return `<h2>Sources and orphans <span class="summary">${findings.length}</span></h2>\n<ul class="findings" id="sources">${items.join("")}</ul>\n`;
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

/**
 * The repository's address as links can use it, or nothing: only an `https:` URL without
 * credentials, query or fragment, so a configured `javascript:` or `http:` address never becomes a link.
 */
export function repositoryLinks(repository: HtmlRepository | undefined): HtmlData["repository"] {
  if (!repository || typeof repository.url !== "string") return undefined;
  const url = parseUrl(repository.url);
  if (url === undefined) return undefined;
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") return undefined;
  const segments = (text: string | undefined) => (text ?? "").split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments(repository.rootDir).includes("..")) return undefined;
  return {
    url: `${url.origin}${url.pathname.replace(/\/+$/, "")}`,
    ref: segments(repository.branch).map(encodeURIComponent).join("/") || "HEAD",
    root: segments(repository.rootDir).map(encodeURIComponent).join("/"),
  };
}

/** The embedded data, in report order. */
export function htmlData(report: Report, registry: HtmlOptions["rules"], repository?: HtmlRepository): HtmlData {
  const files = new Interner();
  const locales = new Interner();
  for (const locale of Object.keys(report.summary.byLocale)) locales.index(locale);
  for (const outline of report.articles) for (const translation of outline.translations) locales.index(translation.locale);
  const rules = registry.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, url: rule.url ?? "" }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const articles: HtmlData["articles"] = report.articles.map((outline) => articleData(outline, files, locales));
  const articleIndex = new Map(report.articles.map((outline, index) => [outline.article, index]));
  const inTranslation = inAnyTranslation(report);
  // A broken translation's reasons, and what makes a file unreadable, are errors to fix.
  const errors = translationErrors(report);
  const unreadable = new Set(report.articles.flatMap((outline) => outline.translations.filter((translation) => translation.state === "unreadable").map((translation) => `${outline.article}\0${translation.locale}`)));
  const isErrorToFix = (finding: Finding) =>
    errors.has(finding.fingerprint) || (finding.cause !== "upstream" && finding.severity !== "info" && unreadable.has(`${finding.article}\0${finding.locale}`));
  const findings: HtmlFinding[] = [];
  for (const finding of report.findings) {
    if (isRunLevel(finding) || !inTranslation(finding)) continue;
    let rule = ruleIndex.get(finding.ruleId);
    if (rule === undefined) {
      rule = rules.length;
      ruleIndex.set(finding.ruleId, rule);
      rules.push({ id: finding.ruleId, severity: finding.severity, description: "", url: "" });
    }
    findings.push(findingData(finding, articleIndex.get(finding.article)!, locales.index(finding.locale), rule, files, isErrorToFix(finding)));
  }
  const links = repositoryLinks(repository);
  return { locales: locales.values, states: [...TRANSLATION_STATES], rules, files: files.values, articles, findings, ...(links && { repository: links }) };
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
    const state = TRANSLATION_STATES.indexOf(translation.state);
    const errors = translation.state === "broken" ? translation.reasons.length : 0;
    const record: HtmlTranslation = [locales.index(translation.locale), STATUS[translation.status], files.index(translation.file), rows, state, errors];
    if (translation.work) record.push(workData(translation.work));
    return record;
  });
  return [outline.article, sourceFile, sections, translations];
}

function workData(work: WorkList): HtmlWork {
  return [
    describeWork(work),
    work.commit ?? "",
    work.commitsBehind ?? -1,
    work.added.map((section) => section.anchor),
    work.changed.map((section): [string, string] => [section.anchor, (section.kinds ?? []).join(", ")]),
    work.removed.map((section): [string, string] => [section.anchor, section.title]),
  ];
}

function findingData(finding: Finding, article: number, locale: number, rule: number, files: Interner, error: boolean): HtmlFinding {
  return [article, locale, rule, SEVERITIES.indexOf(finding.severity), files.index(finding.file), finding.line ?? 0, finding.column ?? 1, finding.message, error ? 1 : 0];
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
