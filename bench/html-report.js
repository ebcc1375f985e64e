// Measures the HTML report at the scale of a large documentation site: 5,000 articles in four
// locales, tens of thousands of findings. Builds a synthetic report in-process (seeded, so every run
// renders the same bytes), renders it, opens it in headless Chromium and prints the file size and
// how long the page takes to become interactive, and to open one article. Run: npm run bench:html
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { formatHtml } from "../dist/reporters/html.js";
import { formatJson } from "../dist/reporters/json.js";
import { formatMarkdown } from "../dist/reporters/markdown.js";
import { assignStates } from "../dist/report/states.js";
import { summarize } from "../dist/report/summary.js";
import { RULES } from "../dist/rules/index.js";

const ARTICLES = 5_000;
const LOCALES = ["de", "ja", "sv", "zh"];
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const RUNS = 5;

/** mulberry32: a small seeded generator, so the synthetic tree is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "configure deploy network gateway virtual machine storage account identity access policy monitor alert cluster node scale backup restore secure connection endpoint private public region quota limit pricing overview tutorial quickstart troubleshoot migrate".split(" ");
const FOREIGN = "konfigurieren bereitstellen netzwerk gateway virtuell maschine speicher konto identität zugriff richtlinie überwachen warnung cluster knoten skalieren sicherung wiederherstellen sicher verbindung endpunkt privat öffentlich region kontingent grenze preise übersicht".split(" ");

function synthesize() {
  const next = random(20_260_101);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const phrase = (list, min, max) => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(list)).join(" ");
  const titleCase = (text) => text[0].toUpperCase() + text.slice(1);
  const findings = [];
  const articles = [];
  // Fingerprints only need to be unique here; causes say which findings break a translation.
  const add = (finding) => findings.push({ cause: "translation", ...finding, fingerprint: String(findings.length).padStart(32, "0") });
  for (let index = 0; index < ARTICLES; index++) {
    const article = `${pick(WORDS)}/${phrase(WORDS, 2, 4).replaceAll(" ", "-")}-${index}.md`;
    const file = `articles/${article}`;
    const sections = Array.from({ length: 5 + Math.floor(next() * 7) }, (_, section) => {
      const title = titleCase(phrase(WORDS, 2, 6));
      return { anchor: title.toLowerCase().replaceAll(" ", "-"), title, level: section === 0 ? 1 : 2 + Math.floor(next() * 1.3), line: 10 + section * 12 };
    });
    const translations = [];
    for (const locale of LOCALES) {
      const localeFile = `locales/${locale}/${article}`;
      if (next() < 0.05) {
        translations.push({ locale, file: localeFile, status: "missing", state: "missing", reasons: [], rows: [] });
        add({ ruleId: "missing-translation", severity: "warning", locale, article, file, message: `No translation of this article in \`${locale}\`: expected \`${localeFile}\`.` });
        continue;
      }
      const rows = [];
      let previous;
      sections.forEach((section, source) => {
        if (source > 0 && next() < 0.06) {
          rows.push({ source });
          add({
            ruleId: "missing-section", severity: "error", locale, article, file: localeFile, line: section.line, column: 1, anchor: section.anchor,
            message: `Section \`${section.title}\` (\`#${section.anchor}\`) is missing; add it after \`${previous.title}\` (\`#${previous.anchor}\`), as in the source.`,
            related: [{ file, line: section.line, column: 1, message: "The section in the source." }],
          });
          return;
        }
        const translation = { anchor: section.anchor, title: titleCase(phrase(FOREIGN, 2, 6)), level: section.level, line: section.line + 2 };
        rows.push({ source, translation, method: "anchor" });
        previous = translation;
        if (next() < 0.02) {
          const extra = { anchor: `extra-${source}`, title: titleCase(phrase(FOREIGN, 2, 5)), level: 2, line: section.line + 8 };
          rows.push({ translation: extra });
          add({ ruleId: "extra-section", severity: "warning", locale, article, file: localeFile, line: extra.line, column: 1, anchor: extra.anchor, message: `Section \`${extra.title}\` (\`#${extra.anchor}\`) is not in the source; remove it or add it to the source.` });
        }
      });
      // Outdated: by history (a baseline commit, sections changed and added since) or by dates only.
      const stale = next();
      if (stale < 0.2) {
        const changed = sections.filter(() => next() < 0.3).map((section) => ({ anchor: section.anchor, title: section.title, kinds: ["prose"] }));
        const commitsBehind = 1 + Math.floor(next() * 12);
        add({
          ruleId: "stale-source", severity: "warning", cause: "upstream", locale, article, file: localeFile, line: 1, column: 1,
          message: `The source changed since this translation's baseline: ${commitsBehind} commits behind.`,
          data: { method: "pin", commit: (index * 7919 + commitsBehind).toString(16).padStart(40, "0"), commitsBehind, changedLines: commitsBehind * 6, added: [], changed, removed: [], frontMatter: [], includes: [], outdatedSince: "2025-11-03" },
        });
      } else if (stale < 0.3) {
        add({ ruleId: "stale-date", severity: "warning", cause: "upstream", locale, article, file: localeFile, line: 8, column: 1, message: "`ms.date` is 2019-03-14, older than the source's 2024-05-02: the source changed after this translation.", data: { sourceDate: "2024-05-02" }, related: [{ file, line: 8, column: 1, message: "The source's date." }] });
      }
      translations.push({ locale, file: localeFile, status: "translated", state: "current", reasons: [], rows });
    }
    articles.push({ article, file, sections, translations });
  }
  // The engine sorts by article, then locale; the synthetic findings come out in that order per article.
  findings.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
  articles.sort((a, b) => (a.article < b.article ? -1 : 1));
  // States and the summary as the engine computes them, from the outlines and the findings' causes.
  const outlines = assignStates(articles, findings);
  return { schemaVersion: 1, tool: { name: "l10n-drift", version: "bench" }, summary: summarize(outlines, LOCALES, findings), findings, articles: outlines };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const report = synthesize();
let started = performance.now();
const html = formatHtml(report, { rules: RULES });
const renderMs = performance.now() - started;
const markdown = formatMarkdown(report);
const jsonBytes = Buffer.byteLength(formatJson(report));
const folder = await mkdtemp(path.join(tmpdir(), "l10n-drift-bench-"));
const file = path.join(folder, "index.html");
await writeFile(file, html);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const interactive = [];
const opened = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    started = performance.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("html[data-ready=true]");
    interactive.push(performance.now() - started);
    started = performance.now();
    await page.click("#heat tbody tr:nth-child(3) td.article");
    await page.waitForSelector(".outline");
    opened.push(performance.now() - started);
    await page.close();
  }
} finally {
  await browser.close();
  await rm(folder, { recursive: true, force: true });
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const { states } = report.summary;
console.log(`synthetic report: ${report.summary.articles} articles × ${LOCALES.length} locales, ${report.findings.length} findings (${report.summary.counts.error} errors, ${report.summary.counts.warning} warnings); ${states.current} current, ${states.outdated} outdated, ${states.broken} broken, ${states.missing} missing`);
console.log(`index.html: ${mib(Buffer.byteLength(html))}, rendered in ${renderMs.toFixed(0)} ms (drift.json of the same report: ${mib(jsonBytes)})`);
console.log(`headless Chromium, median of ${RUNS}: interactive ${median(interactive).toFixed(0)} ms after navigation (min ${Math.min(...interactive).toFixed(0)}, max ${Math.max(...interactive).toFixed(0)}); one article opened in ${median(opened).toFixed(0)} ms`);
console.log(`drift.md: ${markdown.length} characters (limit 65,000)`);
