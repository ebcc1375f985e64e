import { describe, expect, it } from "vitest";
import { check, DriftError, type Report } from "../../src/index.js";
import { resolveLayout } from "../../src/tree/layout.js";
import { takeInventory } from "../../src/tree/discover.js";
import { makeTree } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";
import { workLists } from "../../src/index.js";

const PAGE = "# Page\n\n## One\n\nRun `npm install` first.\n\n## Two\n\nThen run `npm start`.\n";
const GERMAN = "# Seite\n\n## Eins\n\nFühre zuerst `npm install` aus.\n\n## Zwei\n\nDann führe `npm start` aus.\n";
const GERMAN_PARTIAL = "# Seite\n\n## Eins\n\nFühre zuerst `npm install` aus.\n";

const brief = (report: Report) =>
  report.findings.filter((finding) => finding.ruleId !== "history-unavailable").map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.locale} ${finding.file}:${finding.line} ${finding.anchor}`);
const states = (report: Report) => report.articles.flatMap((article) => article.translations.map((translation) => `${article.article} ${translation.locale} ${translation.state}`));

describe("the starlight preset", () => {
  it("root locale: locale folders beside the pages are locales, never sources; .md translates .mdx by slug", async () => {
    const root = await makeTree({
      "l10n-drift.config.json": JSON.stringify({ preset: "starlight" }),
      "src/content/docs/index.mdx": PAGE,
      "src/content/docs/guides/page.mdx": PAGE,
      "src/content/docs/reference/index.md": PAGE,
      "src/content/docs/de/index.mdx": GERMAN,
      "src/content/docs/de/guides/page.md": GERMAN_PARTIAL,
      "src/content/docs/pt-br/reference.md": GERMAN,
    });
    const layout = await resolveLayout(root, { preset: "starlight" });
    expect([layout.sourceDir, layout.locales.map((locale) => `${locale.name}=${locale.dir}`)]).toEqual(["src/content/docs", ["de=src/content/docs/de", "pt-br=src/content/docs/pt-br"]]);
    const inventory = await takeInventory(layout);
    expect(inventory.articles).toEqual(["guides/page.mdx", "index.mdx", "reference/index.md"]);
    // `reference.md` and `reference/index.md` are one slug, as Starlight routes them.
    expect([...inventory.bySlug].map(([locale, aliases]) => [locale, [...aliases]])).toEqual([
      ["de", [["guides/page.mdx", "guides/page.md"]]],
      ["pt-br", [["reference/index.md", "reference.md"]]],
    ]);
    const report = await check({ root, history: false });
    expect(brief(report)).toEqual(["missing-section missing-after de src/content/docs/de/guides/page.md:6 two"]);
    expect(states(report)).toEqual([
      "guides/page.mdx de broken",
      "guides/page.mdx pt-br missing",
      "index.mdx de current",
      "index.mdx pt-br missing",
      "reference/index.md de missing",
      "reference/index.md pt-br current",
    ]);
  });

  it("a change to a translation matched by slug checks its source's article, in that locale; diff takes the translation's path", async () => {
    const repo = await makeRepo();
    await repo.commit("Add the pages", { "l10n-drift.config.json": JSON.stringify({ preset: "starlight" }), "src/content/docs/guides/page.mdx": PAGE, "src/content/docs/index.mdx": PAGE });
    await repo.commit("Translate", { "src/content/docs/de/guides/page.md": GERMAN, "src/content/docs/ja/index.mdx": "# ページ\n\n## 一\n\nまず `npm install` を実行します。\n\n## 二\n\n次に `npm start` を実行します。\n" });
    await repo.commit("Shorten the German page", { "src/content/docs/de/guides/page.md": GERMAN_PARTIAL });
    const report = await check({ root: repo.root, changedSince: "HEAD~1" });
    expect(report.scope?.articles).toEqual([{ article: "guides/page.mdx", locales: ["de"] }]);
    expect(brief(report)).toEqual(["missing-section missing-after de src/content/docs/de/guides/page.md:6 two"]);
    const lists = await workLists({ root: repo.root, articleFiles: ["src/content/docs/de/guides/page.md"], locales: ["de"] });
    expect(lists.map((list) => [list.article, list.locale, list.file])).toEqual([["guides/page.mdx", "de", "src/content/docs/de/guides/page.md"]]);
  });

  it("Astro docs: English in `en/`, the other locale folders its siblings", async () => {
    const root = await makeTree({
      "src/content/docs/en/guides/page.mdx": PAGE,
      "src/content/docs/de/guides/page.mdx": GERMAN_PARTIAL,
      "src/content/docs/zh-cn/guides/page.mdx": "# 页面\n\n## 一\n\n先运行 `npm install`。\n\n## 二\n\n然后运行 `npm start`。\n",
    });
    const layout = await resolveLayout(root, { preset: "starlight" });
    expect([layout.sourceDir, layout.locales.map((locale) => locale.dir)]).toEqual(["src/content/docs/en", ["src/content/docs/de", "src/content/docs/zh-cn"]]);
    expect(brief(await check({ root, history: false, config: { preset: "starlight" } }))).toEqual(["missing-section missing-after de src/content/docs/de/guides/page.mdx:6 two"]);
  });

  it("takes the locale list from a literal in astro.config.mjs, warning of a listed locale without a folder", async () => {
    const root = await makeTree({
      "astro.config.mjs": "export default defineConfig({ integrations: [starlight({ locales: { root: { lang: 'en' }, ja: { lang: 'ja' }, fa: { lang: 'fa' } } })] });\n",
      "src/content/docs/page.md": PAGE,
      "src/content/docs/ja/page.md": "# ページ\n\n## 一\n\nまず `npm install` を実行します。\n\n## 二\n\n次に `npm start` を実行します。\n",
      // Named like a language, but the site does not list it: English pages.
      "src/content/docs/id/page.md": PAGE,
    });
    const layout = await resolveLayout(root, { preset: "starlight" });
    expect(layout.locales.map((locale) => locale.name)).toEqual(["ja"]);
    expect(layout.localesFrom).toEqual({ kind: "site", file: "astro.config.mjs" });
    expect(layout.warnings).toEqual(["locale `fa` is listed in `astro.config.mjs` but its folder `src/content/docs/fa` does not exist; it is not checked"]);
    expect((await takeInventory(layout)).articles).toEqual(["id/page.md", "page.md"]);
  });
});

describe("the vitepress preset", () => {
  it("reads the locales from .vitepress/config.mts; without a readable list, takes folders named like languages", async () => {
    const files = {
      "docs/guide/intro.md": PAGE,
      "docs/api/index.md": PAGE,
      "docs/de/guide/intro.md": GERMAN_PARTIAL,
      "docs/es/guide/intro.md": GERMAN,
    };
    const listed = await makeTree({ ...files, "docs/.vitepress/config.mts": "export default defineConfig({\n  locales: {\n    root: { label: 'English' },\n    de: { label: 'Deutsch' },\n  },\n})\n" });
    const report = await check({ root: listed, history: false, config: { preset: "vitepress" } });
    expect(report.summary.locales).toBe(1);
    expect(brief(report)).toEqual(["missing-section missing-after de docs/de/guide/intro.md:6 two"]);

    const unlisted = await makeTree({ ...files, "docs/.vitepress/config.ts": "import { locales } from './locales'\nexport default defineConfig({ locales })\n" });
    const layout = await resolveLayout(unlisted, { preset: "vitepress" });
    expect([layout.localesFrom, layout.locales.map((locale) => locale.name)]).toEqual([{ kind: "folders" }, ["de", "es"]]);
    expect((await takeInventory(layout)).articles).toEqual(["api/index.md", "guide/intro.md"]);
  });

  it("with the docs at the root (`sourceDir: \".\"`, as init writes for a root `.vitepress/`), a change to a translation is its locale's", async () => {
    const repo = await makeRepo();
    await repo.commit("Docs", {
      "l10n-drift.config.json": JSON.stringify({ preset: "vitepress", sourceDir: "." }),
      ".vitepress/config.js": "export default { locales: { root: { label: 'English' }, de: { label: 'Deutsch' } } }\n",
      "guide/intro.md": PAGE,
    });
    await repo.commit("Translate", { "de/guide/intro.md": GERMAN });
    await repo.commit("Shorten", { "de/guide/intro.md": GERMAN_PARTIAL });
    const report = await check({ root: repo.root, changedSince: "HEAD~1" });
    expect(report.scope?.articles).toEqual([{ article: "guide/intro.md", locales: ["de"] }]);
    expect(brief(report)).toEqual(["missing-section missing-after de de/guide/intro.md:6 two"]);
  });
});

describe("configured locales", () => {
  it("accepts an array of folder names, found by the preset's pattern", async () => {
    const root = await makeTree({ "articles/a.md": PAGE, "locales/de/a.md": GERMAN_PARTIAL, "locales/fr/a.md": PAGE });
    const report = await check({ root, history: false, config: { locales: ["de"] } });
    expect(report.summary.locales).toBe(1);
    expect(brief(report)).toEqual(["missing-section missing-after de locales/de/a.md:6 two"]);
  });

  it("a listed locale without a folder at this commit is a warning naming it; the others are checked", async () => {
    const root = await makeTree({ "articles/a.md": PAGE, "locales/de/a.md": GERMAN_PARTIAL });
    const warnings: string[] = [];
    const report = await check({ root, history: false, config: { locales: { de: "de-DE", fa: { dir: "locales/fa" } } }, onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual(["locale `fa` is listed in the configuration but its folder `locales/fa` does not exist; it is not checked"]);
    expect(brief(report)).toEqual(["missing-section missing-after de locales/de/a.md:6 two"]);
  });

  it("a listed locale whose folder is a file is still an error", async () => {
    const root = await makeTree({ "articles/a.md": PAGE, "locales/de": "not a folder" });
    await expect(check({ root, config: { locales: ["de"] } })).rejects.toThrow(new DriftError("ROOT_UNREADABLE", "the directory `locales/de` of locale `de` is not a directory"));
  });
});
