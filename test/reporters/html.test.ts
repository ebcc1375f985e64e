import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import type { Report } from "../../src/model/report.js";
import { jsonForScript } from "../../src/reporters/escape.js";
import { formatHtml, htmlData } from "../../src/reporters/html.js";
import { RULES } from "../../src/rules/index.js";
import { HAS_CHROMIUM, launchChromium, CHROMIUM } from "../support/browser.js";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { bundledReport, edgeReport, HOSTILE_TITLE } from "../support/reports.js";

const HOSTILE_HEADING = 'Setup \\<script>window.__pwned = 1\\</script> `<img src=x onerror="window.__pwned = 2">`';
const HOSTILE_TEXT = 'Setup <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">';

function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start) + start.length;
  return html.slice(from, html.indexOf(end, from));
}

describe("formatHtml", () => {
  it("embeds the data so that `</script>` in a document cannot end the block, and reads back unchanged", () => {
    const report = edgeReport();
    const html = formatHtml(report, { rules: RULES });
    const block = between(html, '<script type="application/json" id="drift-data">', "</script>");
    expect(block).not.toMatch(/[<>]/);
    expect(JSON.parse(block)).toEqual(htmlData(report, RULES));
    expect(jsonForScript({ text: "</script><!--\u2028" })).toBe('{"text":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    // The markup of the page itself is the only markup: one style, one data block, one script.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<style/g)).toHaveLength(1);
  });

  it("gives each registry rule its docs URL, which the page links a finding's rule name to", () => {
    const data = htmlData(edgeReport(), RULES);
    expect(data.rules.find((rule) => rule.id === "missing-section")?.url).toBe(RULES.find((rule) => rule.id === "missing-section")!.url);
    expect(formatHtml(edgeReport(), { rules: RULES })).toContain('rule.url.indexOf("https://") !== 0');
  });

  it("allows only its own style and script, by their hashes", () => {
    const html = formatHtml(edgeReport(), { rules: RULES });
    const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"');
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(policy).toBe(
      `default-src 'none'; style-src ${hash(between(html, "<style>", "</style>"))}; script-src ${hash(between(html, "<script>", "</script>"))}; base-uri 'none'; form-action 'none'`,
    );
  });

  it("lists orphan translations' articles and every locale a finding names", () => {
    const data = htmlData(edgeReport(), RULES);
    expect(data.locales).toEqual(["fr", "ja"]);
    expect(data.articles.map((article) => [article[0], article[1]])).toEqual([
      ["guide/setup.md", 0],
      ["old/gone.md", -1],
    ]);
    expect(data.findings.map((finding) => [finding[0], data.locales[finding[1]], data.rules[finding[2]]?.id, finding[5]])).toEqual([
      [0, "fr", "missing-section", 3],
      [0, "ja", "missing-translation", 0],
      [1, "fr", "orphan-translation", 0],
    ]);
    // A heading matched by anchor in source order is its title alone; a missing section its source index.
    expect(data.articles[0]?.[3][0]?.[3]).toEqual([`Introduction ${HOSTILE_TITLE}`, [1]]);
  });
});


/** The bundled report's article repeated under `count` paths: a site-sized report to embed. */
async function siteSizedReport(count: number): Promise<Report> {
  const report = await bundledReport();
  const [outline] = report.articles;
  const articles = Array.from({ length: count }, (_, index) => ({ ...outline!, article: `area/article-${String(index).padStart(5, "0")}.md` }));
  const findings = articles.flatMap((article) => report.findings.map((finding) => ({ ...finding, article: article.article })));
  return { ...report, articles, findings };
}

describe("the embedded data of a large report", () => {
  it("is gzip in base64, a fraction of the JSON, and unpacks to the same data", async () => {
    const report = await siteSizedReport(3000);
    const html = formatHtml(report, { rules: RULES });
    const block = /<script type="application\/gzip\+base64" id="drift-data">([^<]+)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    expect(JSON.parse(gunzipSync(Buffer.from(block![1]!, "base64")).toString("utf8"))).toEqual(htmlData(report, RULES));
    expect(html.length).toBeLessThan(JSON.stringify(htmlData(report, RULES)).length / 4);
    expect(formatHtml(report, { rules: RULES })).toBe(html);
  });
});

describe.skipIf(!HAS_CHROMIUM)(`the HTML report in headless Chromium${HAS_CHROMIUM ? "" : ` (skipped: no browser at ${CHROMIUM})`}`, () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    browser = await launchChromium();
    folder = await mkdtemp(path.join(tmpdir(), "l10n-drift-html-"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the report as a local file, as a person would, and fails on any script error or request. */
  async function open(report: Report, name: string): Promise<{ page: Page; problems: string[] }> {
    const file = path.join(folder, `${name}.html`);
    await writeFile(file, formatHtml(report, { rules: RULES }));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
    page.on("console", (message) => problems.push(`console: ${message.text()}`));
    page.on("request", (request) => {
      if (request.url() !== pathToFileURL(file).href) problems.push(`request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("html[data-ready=true]");
    return { page, problems };
  }

  it("shows de, sv and nl with an error and zh without, and the missing Direct row on click", async () => {
    const { page, problems } = await open(await bundledReport(), "bundled");
    const cells = await page.$$eval("#heat tbody td.cell", (tds) => tds.map((td) => [td.getAttribute("data-locale"), td.getAttribute("data-severity"), td.textContent]));
    expect(cells).toEqual([
      ["de", "error", "1✖ 2⚠"],
      ["nl", "error", "1✖ 3⚠ 1ℹ"],
      ["sv", "error", "1✖ 3⚠ 1ℹ"],
      ["zh", "warning", "1⚠ 1ℹ"],
    ]);
    await page.click("#heat td.article");
    const rows = await page.$$eval(".outline tr", (trs) => trs.map((tr) => [...tr.children].map((cell) => [cell.className, cell.textContent])));
    const direct = rows.find((row) => row[0]?.[1]?.startsWith("H2 Direct from ExpressRoute sites"));
    expect(direct?.slice(1, 4)).toEqual([
      ["gap", "missing"],
      ["gap", "missing"],
      ["gap", "missing"],
    ]);
    expect(direct?.[4]?.[1]).toMatch(/^H2 .*#direct-from-expressroute-sites$/);
    expect(await page.$$eval(".findings li", (items) => items.length)).toBe(15);
    await mkdir(path.join(REPO_ROOT, "test-output"), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, "test-output/html-report.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("filters by locale and by rule", async () => {
    const { page } = await open(await bundledReport(), "filters");
    await page.selectOption("#filter-locale", { label: "zh" });
    expect(await page.$$eval("#heat thead th", (ths) => ths.map((th) => th.textContent))).toEqual(["article", "zh"]);
    await page.selectOption("#filter-rule", { label: "missing-section" });
    await page.check("#filter-drift");
    expect(await page.$$eval("#heat tbody tr", (trs) => trs.length)).toBe(0);
    await page.selectOption("#filter-locale", { label: "all" });
    await page.selectOption("#filter-rule", { label: "stale-date" });
    expect(await page.$$eval("#heat tbody td.cell", (tds) => tds.map((td) => td.getAttribute("data-severity")))).toEqual(["warning", "warning", "warning", "none"]);
    await page.click("#heat td.article");
    expect(await page.$$eval(".findings .rule", (spans) => spans.map((span) => span.textContent))).toEqual(["stale-date", "stale-date", "stale-date"]);
    await page.fill("#filter-text", "no-such-article");
    expect(await page.$$eval("#heat tbody tr", (trs) => trs.length)).toBe(0);
    await page.fill("#filter-text", "ExpressRoute/");
    expect(await page.$$eval("#heat tbody td.article", (tds) => tds.map((td) => td.textContent))).toEqual(["expressroute/expressroute-connectivity-models.md"]);
  });

  it("unpacks a large report's compressed data and pages its heat map", async () => {
    const { page, problems } = await open(await siteSizedReport(3000), "site-sized");
    expect(await page.$$eval("#heat tbody td.article", (cells) => cells.length)).toBe(200);
    await page.click("#heat td.article");
    expect(await page.$$eval(".gap", (gaps) => gaps.length)).toBe(3);
    expect(problems).toEqual([]);
  });

  it("sorts the most severe articles first", async () => {
    const root = await makeTree({
      "articles/a-clean.md": "# Clean\n\n## Part\n",
      "articles/b-warning.md": "# Warning\n\n## Part\n",
      "articles/c-error.md": "# Error\n\n## Part\n",
      "locales/fr/a-clean.md": "# Propre\n\n## Partie {#part}\n",
      "locales/fr/b-warning.md": "# Avertissement\n\n## Partie {#part}\n\n## En plus\n",
      "locales/fr/c-error.md": "# Erreur\n",
    });
    const { page } = await open(await check({ root }), "sorted");
    const articles = () => page.$$eval("#heat tbody td.article", (tds) => tds.map((td) => td.textContent));
    expect(await articles()).toEqual(["a-clean.md", "b-warning.md", "c-error.md"]);
    await page.selectOption("#sort", "findings");
    expect(await articles()).toEqual(["c-error.md", "b-warning.md", "a-clean.md"]);
  });

  it("shows a heading's <script> and <img onerror> as text and runs neither", async () => {
    const root = await makeTree({
      "articles/guide/setup.md": `# Guide\n\n## ${HOSTILE_HEADING}\n\nSteps.\n`,
      "locales/fr/guide/setup.md": "# Guide\n\nÉtapes.\n",
    });
    const { page, problems } = await open(await check({ root }), "hostile");
    await page.click("#heat td.article");
    const source = await page.$$eval(".outline tr td:first-child", (tds) => tds.map((td) => td.textContent));
    expect(source[1]).toBe(`H2 ${HOSTILE_TEXT}#setup-scriptwindow__pwned--1script-img-srcx-onerrorwindow__pwned--2`);
    expect(await page.$$eval(".findings .message", (spans) => spans.map((span) => span.textContent))).toEqual([
      `Section ${HOSTILE_TEXT} (#setup-scriptwindow__pwned--1script-img-srcx-onerrorwindow__pwned--2) is missing; add it after Guide (#guide), as in the source.`,
    ]);
    expect(await page.$$eval(".findings code", (codes) => codes[0]?.textContent)).toBe(HOSTILE_TEXT);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.$$eval("body img, body script:not([type])", (nodes) => nodes.length)).toBe(1);
    expect(problems).toEqual([]);
  });

  it("draws the hand-built report: an orphan, a missing translation, hostile text", async () => {
    const { page, problems } = await open(edgeReport(), "edge");
    expect(await page.$$eval("#heat tbody td.article", (tds) => tds.map((td) => td.textContent))).toEqual(["guide/setup.md", "old/gone.md"]);
    await page.selectOption("#filter-rule", { label: "stale-date" });
    // Without its finding, the missing ja file is "missing", not a green ✓; the orphan's path has no ja cell to speak of.
    expect(await page.$$eval("#heat tbody td.cell", (tds) => tds.map((td) => td.textContent))).toEqual(["✓", "missing", "", ""]);
    await page.selectOption("#filter-rule", { label: "all" });
    await page.click("#heat tbody tr:nth-child(1) td.article");
    const cells = await page.$$eval(".outline tr", (trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(cells[1]?.[2]).toBe("missing");
    expect(cells[2]).toEqual([`H2 ${HOSTILE_TITLE}#setup`, "missing", "missing"]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
