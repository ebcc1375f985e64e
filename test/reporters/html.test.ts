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
import { formatHtml, htmlData, repositoryLinks, type HtmlOptions } from "../../src/reporters/html.js";
import { RULES } from "../../src/rules/index.js";
import { HAS_CHROMIUM, launchChromium, CHROMIUM } from "../support/browser.js";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { bundledReport, edgeReport, HOSTILE_TITLE } from "../support/reports.js";
import { stateReport } from "../support/state-report.js";

const HOSTILE_HEADING = 'Setup \\<script>window.__pwned = 1\\</script> `<img src=x onerror="window.__pwned = 2">`';
const HOSTILE_TEXT = 'Setup <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">';
const REPOSITORY = { url: "https://github.com/example/docs/", branch: "main", rootDir: "site" };

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

  it("allows only its own style (with the bars' widths) and script, by their hashes", () => {
    for (const report of [edgeReport(), stateReport()]) {
      const html = formatHtml(report, { rules: RULES });
      const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"');
      const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
      expect(policy).toBe(
        `default-src 'none'; style-src ${hash(between(html, "<style>", "</style>"))}; script-src ${hash(between(html, "<script>", "</script>"))}; base-uri 'none'; form-action 'none'`,
      );
      expect(html).not.toMatch(/ style="/);
    }
  });

  it("draws a bar and a label per locale from the states, and lists source and orphan problems apart", () => {
    const html = formatHtml(stateReport(), { rules: RULES });
    const labels = [...html.matchAll(/<tr data-locale="([^"]+)">.*?<span class="bar-label">([^<]*)<\/span>/g)].map((match) => [match[1], match[2]]);
    expect(labels).toEqual([
      ["de", "1 done · 1 outdated · 0 broken · 0 missing"],
      ["fr", "1 done · 1 outdated · 0 broken · 0 missing"],
      ["ja", "1 done · 0 outdated · 1 broken · 0 missing"],
      ["ko", "1 done · 0 outdated · 1 broken · 0 missing"],
      ["pt", "0 done · 0 outdated · 0 broken · 2 missing"],
      ["sv", "1 done · 0 outdated · 0 broken · 0 missing · 1 unreadable"],
    ]);
    expect(between(html, '<tr data-locale="sv">', "</tr>")).toContain('<div class="bar" aria-hidden="true"><span class="st-current n1" title="1 done">1</span><span class="st-unreadable n1" title="1 unreadable">1</span></div>');
    expect(between(html, "<style>", "</style>")).toContain(".bar .n2 { flex-grow: 2; }");
    expect(html).not.toContain("<th>errors</th>");
    expect(between(html, '<ul class="findings" id="sources">', "</ul>")).toBe(
      '<li><span class="badge sev-warning">warning</span><span class="place">articles/guide/a.md:3:1</span><span class="message">Damaged text <code>â€™</code> for <code>’</code>.</span><span class="rule">encoding</span></li>' +
        '<li><span class="badge sev-warning">warning</span><span class="place">locales/fr/old/gone.md:1:1</span><span class="message">No source article at <code>articles/old/gone.md</code>.</span><span class="rule">orphan-translation</span></li>',
    );
  });

  it("embeds translation locales only, each translation's state, error count and work, and marks errors to fix", () => {
    const data = htmlData(stateReport(), RULES);
    expect(data.locales).toEqual(["de", "fr", "ja", "ko", "pt", "sv"]);
    expect(data.articles.map((article) => article[0])).toEqual(["guide/a.md", "guide/b.md"]);
    expect(data.articles[0]![3].map(([locale, status, , , state, errors, work]) => [data.locales[locale], status, data.states[state], errors, work])).toEqual([
      ["de", 0, "current", 0, undefined],
      ["fr", 0, "outdated", 0, ["3 commits (14 lines) behind since 2026-01-02: added `#new-part`; changed `#setup`; removed `#old-part`", "0123456789abcdef0123456789abcdef01234567", 3, ["new-part"], [["setup", "code"]], [["old-part", "Old part"]]]],
      ["ja", 0, "broken", 2, undefined],
      ["ko", 0, "broken", 1, ["older than the source since 2025-12-01", "", -1, [], [], []]],
      ["pt", 1, "missing", 0, undefined],
      ["sv", 2, "unreadable", 0, undefined],
    ]);
    // The source file's and the orphan's findings are the page's HTML list, not data.
    expect(data.findings.map((finding) => [data.locales[finding[1]], data.rules[finding[2]]?.id, finding[8]])).toEqual([
      ["fr", "stale-source", 0],
      ["ja", "code-drift", 1],
      ["ja", "link-drift", 1],
      ["ja", "machine-translated", 0],
      ["ko", "missing-section", 1],
      ["ko", "stale-date", 0],
      ["sv", "parse-error", 1],
      ["de", "stale-date", 0],
    ]);
    expect(data.repository).toBeUndefined();
  });

  it("links only an https: repository without credentials, query or fragment", () => {
    expect(repositoryLinks(REPOSITORY)).toEqual({ url: "https://github.com/example/docs", ref: "main", root: "site" });
    expect(repositoryLinks({ url: "https://github.com/withastro/starlight" })).toEqual({ url: "https://github.com/withastro/starlight", ref: "HEAD", root: "" });
    expect(repositoryLinks({ url: "https://git.example/docs", branch: "release/2 #x", rootDir: "/a b/docs/" })).toEqual({ url: "https://git.example/docs", ref: "release/2%20%23x", root: "a%20b/docs" });
    for (const url of ["http://github.com/example/docs", "javascript:alert(1)", "https://user:secret@github.com/example/docs", "https://github.com/example/docs?x=1", "https://github.com/x#y", "not a url", "file:///etc"]) {
      expect(repositoryLinks({ url }), url).toBeUndefined();
    }
    expect(repositoryLinks({ url: "https://github.com/example/docs", rootDir: "../elsewhere" })).toBeUndefined();
    expect(htmlData(stateReport(), RULES, { url: "javascript:alert(1)" }).repository).toBeUndefined();
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
    expect(html).toContain('<p id="loading" role="status">Loading 3,000 articles…</p>');
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

  async function write(report: Report, name: string, options: Partial<HtmlOptions> = {}): Promise<string> {
    const file = path.join(folder, `${name}.html`);
    await writeFile(file, formatHtml(report, { rules: RULES, ...options }));
    return file;
  }

  /** Opens a report as a local file, as a person would, and fails on any script error or request. */
  async function openFile(file: string, hash = "", before?: (page: Page) => Promise<unknown>): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
    page.on("console", (message) => problems.push(`console: ${message.text()}`));
    page.on("request", (request) => {
      if (request.url().split("#")[0] !== pathToFileURL(file).href) problems.push(`request: ${request.url()}`);
    });
    await before?.(page);
    await page.goto(pathToFileURL(file).href + hash);
    await page.waitForSelector("html[data-ready=true]");
    return { page, problems };
  }

  async function open(report: Report, name: string, options: Partial<HtmlOptions> = {}, hash = ""): Promise<{ page: Page; problems: string[] }> {
    return openFile(await write(report, name, options), hash);
  }

  const cells = (page: Page) => page.$$eval("#heat tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => (td.classList.contains("article") ? td.textContent : `${td.getAttribute("data-state")}${td.classList.contains("dim") ? " (dim)" : ""}: ${td.textContent}`))));
  const articles = (page: Page) => page.$$eval("#heat tbody td.article", (tds) => tds.map((td) => td.textContent));

  it("colours the heat map by state and says each state in text, with no column for the source locale", async () => {
    const { page, problems } = await open(stateReport(), "states");
    expect(await page.$$eval("#heat thead th", (ths) => ths.map((th) => th.textContent))).toEqual(["article", "de", "fr", "ja", "ko", "pt", "sv"]);
    expect(await cells(page)).toEqual([
      ["guide/a.md", "current: ✓", "outdated: 3 behind", "broken: 2 errors", "broken: 1 error · behind", "missing: missing", "unreadable: unreadable"],
      ["guide/b.md", "outdated: behind", "current: ✓", "current: ✓", "current: ✓", "missing: missing", "current: ✓"],
    ]);
    expect(await page.$$eval("#locales .bar-label", (spans) => spans.map((span) => span.textContent))).toEqual([
      "1 done · 1 outdated · 0 broken · 0 missing",
      "1 done · 1 outdated · 0 broken · 0 missing",
      "1 done · 0 outdated · 1 broken · 0 missing",
      "1 done · 0 outdated · 1 broken · 0 missing",
      "0 done · 0 outdated · 0 broken · 2 missing",
      "1 done · 0 outdated · 0 broken · 0 missing · 1 unreadable",
    ]);
    // The bar's segments are as wide as their counts: pt is all missing, de half current, half outdated.
    const widths = await page.$$eval("#locales .bar", (bars) => bars.map((bar) => [...bar.children].map((span) => [span.className.split(" ")[0], Math.round((span.getBoundingClientRect().width / bar.getBoundingClientRect().width) * 100)])));
    expect(widths[0]).toEqual([["st-current", 50], ["st-outdated", 50]]);
    expect(widths[4]).toEqual([["st-missing", 100]]);
    expect(await page.$("#loading")).toBeNull();
    expect(await page.$$eval("#more", (buttons) => buttons.map((button) => button.hasAttribute("hidden")))).toEqual([true]);
    expect(problems).toEqual([]);
  });

  it("shows each translation's state and an outdated one's work in the side-by-side view", async () => {
    const { page, problems } = await open(stateReport(), "states-detail");
    await page.click("#heat td.article");
    expect(await page.$$eval(".translations li", (items) => items.map((item) => item.textContent))).toEqual([
      "de currentlocales/de/guide/a.md",
      "fr outdatedlocales/fr/guide/a.md3 commits (14 lines) behind since 2026-01-02: added #new-part; changed #setup; removed #old-part",
      "ja brokenlocales/ja/guide/a.md2 translation errors to fix",
      "ko brokenlocales/ko/guide/a.md1 translation error to fix; also outdatedolder than the source since 2025-12-01",
      "pt missinglocales/pt/guide/a.md",
      "sv unreadablelocales/sv/guide/a.md",
    ]);
    const rows = await page.$$eval(".outline tr", (trs) => trs.map((tr) => [...tr.children].map((cell) => `${cell.className}|${cell.textContent}`)));
    expect(rows[0]).toEqual(["|source", "|de✓", "|fr3 behind", "|ja2 errors", "|ko1 error · behind", "|ptmissing", "|svunreadable"]);
    expect(rows[2]?.slice(0, 3)).toEqual(["changed|H2 Setup#setupchanged: code for fr", "|H2 Setup (de)", "todo|H2 Setup (fr)to update"]);
    expect(rows[3]?.slice(0, 3)).toEqual(["added|H2 New part#new-partadded for fr", "|H2 New part (de)", "gap todo|missingto translate"]);
    expect(await page.$$eval(".detail h3", (headings) => headings.map((heading) => heading.textContent))).toEqual(["Translation errors to fix (4)", "Upstream changes and notes (3)"]);
    expect(await page.$$eval('.findings[data-group="errors"] .rule', (spans) => spans.map((span) => span.textContent))).toEqual(["code-drift", "link-drift", "missing-section", "parse-error"]);
    // Without a repository the only links are the rules' docs, one per finding's rule name.
    const ruleUrl = (id: string) => RULES.find((rule) => rule.id === id)!.url;
    expect(await page.$$eval(".detail a", (links) => links.map((link) => `${link.textContent} ${link.getAttribute("href")}`))).toEqual(
      ["code-drift", "link-drift", "missing-section", "parse-error", "stale-source", "machine-translated", "stale-date"].map((id) => `${id} ${ruleUrl(id)}`),
    );
    await mkdir(path.join(REPO_ROOT, "test-output"), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, "test-output/html-report-states.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("keeps the filters in the URL and restores them from it", async () => {
    const file = await write(stateReport(), "filters");
    const { page } = await openFile(file);
    await page.selectOption("#filter-locale", "ko");
    expect(await page.$$eval("#heat thead th", (ths) => ths.map((th) => th.textContent))).toEqual(["article", "ko"]);
    await page.selectOption("#filter-locale", "");
    await page.check('#filter-state input[value="broken"]');
    await page.check('#filter-state input[value="outdated"]');
    expect(await cells(page)).toEqual([
      ["guide/a.md", "current (dim): ✓", "outdated: 3 behind", "broken: 2 errors", "broken: 1 error · behind", "missing (dim): missing", "unreadable (dim): unreadable"],
      ["guide/b.md", "outdated: behind", "current (dim): ✓", "current (dim): ✓", "current (dim): ✓", "missing (dim): missing", "current (dim): ✓"],
    ]);
    await page.click("#filter-rule summary");
    await page.check('#filter-rule input[value="code-drift"]');
    await page.check('#filter-rule input[value="missing-section"]');
    expect(await articles(page)).toEqual(["guide/a.md"]);
    expect(await page.textContent("#rule-choice")).toBe("code-drift, missing-section");
    await page.fill("#filter-text", "A.md");
    await page.selectOption("#sort", "work");
    expect(await page.evaluate("location.hash")).toBe("#state=broken,outdated&rule=code-drift,missing-section&path=A.md&sort=work");

    // A reload, or the link shared, shows the same view.
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    const restored = async (target: Page) => ({
      states: await target.$$eval("#filter-state input:checked", (inputs) => inputs.map((input) => input.getAttribute("value"))),
      rules: await target.$$eval("#filter-rule input:checked", (inputs) => inputs.map((input) => input.getAttribute("value"))),
      text: await target.inputValue("#filter-text"),
      sort: await target.inputValue("#sort"),
      articles: await articles(target),
    });
    const expected = { states: ["broken", "outdated"], rules: ["code-drift", "missing-section"], text: "A.md", sort: "work", articles: ["guide/a.md"] };
    expect(await restored(page)).toEqual(expected);
    const shared = (await openFile(file, "#locale=de&state=outdated&path=guide")).page;
    expect(await shared.$$eval("#heat thead th", (ths) => ths.map((th) => th.textContent))).toEqual(["article", "de"]);
    expect(await cells(shared)).toEqual([["guide/b.md", "outdated: behind"]]);
    expect(await shared.inputValue("#filter-locale")).toBe("de");
    // Editing the address applies it; unknown names are dropped.
    await shared.evaluate('location.hash = "#state=missing,bogus&rule=no-such-rule"');
    await shared.waitForFunction('document.querySelectorAll("#heat tbody tr").length === 2');
    expect(await shared.$$eval("#filter-state input:checked", (inputs) => inputs.map((input) => input.getAttribute("value")))).toEqual(["missing"]);
    expect(await shared.inputValue("#filter-locale")).toBe("");
    await shared.click("#reset");
    expect(await shared.evaluate("location.hash")).toBe("");
    expect(await shared.$$eval("#filter-state input:checked", (inputs) => inputs.length)).toBe(0);
  });

  it("says it is loading while a large report's compressed data unpacks, then removes the line", async () => {
    const file = await write(await siteSizedReport(3000), "site-sized");
    const { page, problems } = await openFile(file, "", (target) =>
      // Records each change of the loading line, from the first parse of the page to the end.
      target.addInitScript({
        content: `
          window.__loading = [];
          new MutationObserver(function () {
            var loading = document.getElementById("loading");
            var seen = window.__loading;
            var now = loading ? "shown: " + loading.textContent : "removed";
            if (now !== seen[seen.length - 1] && (loading || seen.length > 0)) seen.push(now);
          }).observe(document, { childList: true, subtree: true });`,
      }),
    );
    expect(await page.evaluate("window.__loading")).toEqual(["shown: Loading 3,000 articles…", "removed"]);
    expect(await page.$$eval("#heat tbody td.article", (tds) => tds.length)).toBe(200);
    expect(await page.textContent("#more")).toBe("Show 200 more (2800 not shown)");
    await page.click("#heat td.article");
    expect(await page.$$eval(".gap", (gaps) => gaps.length)).toBe(3);
    expect(problems).toEqual([]);
  });

  it("never offers to show 0 more: the button goes when nothing remains", async () => {
    const { page } = await open(await siteSizedReport(201), "paged");
    expect(await page.$$eval("#heat tbody td.article", (tds) => tds.length)).toBe(200);
    expect(await page.textContent("#more")).toBe("Show 1 more (1 not shown)");
    await page.click("#more");
    expect(await page.$$eval("#heat tbody td.article", (tds) => tds.length)).toBe(201);
    expect(await page.isVisible("#more")).toBe(false);
    await page.fill("#filter-text", "article-0000");
    expect(await page.isVisible("#more")).toBe(false);
    await page.fill("#filter-text", "");
    expect(await page.textContent("#more")).toBe("Show 1 more (1 not shown)");
    const exact = (await open(await siteSizedReport(200), "paged-exact")).page;
    expect(await exact.isVisible("#more")).toBe(false);
    expect(await exact.textContent("#more")).toBe("");
  });

  it("links files, their history and the compare view since the baseline, only for an https: repository", async () => {
    const { page, problems } = await open(stateReport(), "linked", { repository: REPOSITORY });
    await page.click("#heat td.article");
    const links = await page.$$eval(".detail a", (anchors) => anchors.map((a) => `${a.textContent} ${a.getAttribute("href")}`));
    const base = "https://github.com/example/docs";
    expect(links.slice(0, 6)).toEqual([
      `file ${base}/blob/main/site/articles/guide/a.md`,
      `history ${base}/commits/main/site/articles/guide/a.md`,
      `file ${base}/blob/main/site/locales/de/guide/a.md`,
      `history ${base}/commits/main/site/locales/de/guide/a.md`,
      `file ${base}/blob/main/site/locales/fr/guide/a.md`,
      `history ${base}/commits/main/site/locales/fr/guide/a.md`,
    ]);
    expect(links).toContain(`source changes since 0123456 ${base}/compare/0123456789abcdef0123456789abcdef01234567...main`);
    expect(links).toContain(`locales/ja/guide/a.md:6:1 ${base}/blob/main/site/locales/ja/guide/a.md#L6`);
    // A missing translation has no file to link.
    expect(links.filter((link) => link.includes("/locales/pt/"))).toEqual([]);
    expect(problems).toEqual([]);

    for (const url of ["http://github.com/example/docs", "javascript:alert(1)"]) {
      const plain = (await open(stateReport(), "unlinked", { repository: { url } })).page;
      await plain.click("#heat td.article");
      // Only the rules' docs are linked, never the repository nor a script URL.
      const hrefs = await plain.$$eval("a", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length, url).toBe(7);
      expect(hrefs.filter((href) => !RULES.some((rule) => rule.url === href)), url).toEqual([]);
    }
  });

  it("shows the bundled example's translations with their states, and the missing Direct row on click", async () => {
    const { page, problems } = await open(await bundledReport(), "bundled");
    // Without history every finding's cause is unknown; de, nl and sv are older than their source by date, so theirs are upstream work.
    expect(await cells(page)).toEqual([["expressroute/expressroute-connectivity-models.md", "outdated: behind", "outdated: behind", "outdated: behind", "broken: 1 error"]]);
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

  it("sorts the articles with the most work first", async () => {
    const root = await makeTree({
      "articles/a-clean.md": "# Clean\n\n## Part\n",
      "articles/b-missing.md": "# Missing\n\n## Part\n",
      "articles/c-error.md": "# Error\n\n## Part\n",
      "locales/fr/a-clean.md": "# Propre\n\n## Partie {#part}\n",
      "locales/fr/c-error.md": "# Erreur\n",
    });
    const { page } = await open(await check({ root }), "sorted");
    expect(await articles(page)).toEqual(["a-clean.md", "b-missing.md", "c-error.md"]);
    await page.selectOption("#sort", "work");
    expect(await articles(page)).toEqual(["c-error.md", "b-missing.md", "a-clean.md"]);
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

  it("draws the hand-built report: broken, missing and outdated translations, an orphan apart, hostile text", async () => {
    const { page, problems } = await open(edgeReport(), "edge");
    expect(await cells(page)).toEqual([["guide/setup.md", "broken: 2 errors", "missing: missing", "outdated: 2 behind"]]);
    expect(await page.$$eval("#sources li .rule", (spans) => spans.map((span) => span.textContent))).toEqual(["orphan-translation"]);
    // The orphan's message is shown as text, its control characters made visible.
    expect(await page.$$eval("#sources .message", (spans) => spans.map((span) => span.textContent))).toEqual(["Line one\\u{d}\\u{a}line two \\u{1b}[31mred"]);
    await page.click("#heat tbody tr:nth-child(1) td.article");
    const rows = await page.$$eval(".outline tr", (trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(rows[1]?.[2]).toBe("missing");
    // sv's work list names the hostile section as changed; its title is text in both columns.
    expect(rows[2]).toEqual([`H2 ${HOSTILE_TITLE}#setupchanged: code, link for sv`, "missing", "missing", `H2 Installation ${HOSTILE_TITLE}to update`]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
