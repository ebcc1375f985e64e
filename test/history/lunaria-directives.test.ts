import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { isSkipped, lunariaDirective } from "../../src/history/baseline.js";
import { makeRepo } from "../support/git.js";

const SOURCE = "---\ntitle: Guide\n---\n\n# Guide\n\nText.\n";
const CHANGED = "---\ntitle: Guide\n---\n\n# Guide\n\nText, with more.\n";
const TRANSLATION = "---\ntitle: Anleitung\n---\n\n# Anleitung\n\nText.\n";

/** Two articles translated, then one commit changing both sources with `message`. */
async function changedBoth(message: string) {
  const repo = await makeRepo();
  await repo.commit("Add the articles", { "articles/a.md": SOURCE, "articles/b.md": SOURCE });
  await repo.commit("Translate them", { "locales/de/a.md": TRANSLATION, "locales/de/b.md": TRANSLATION });
  await repo.commit(message, { "articles/a.md": CHANGED, "articles/b.md": CHANGED });
  const report = await check({ root: repo.root });
  return Object.fromEntries(report.articles.map((outline) => [outline.article, outline.translations[0]!.state]));
}

describe("Lunaria's commit directives", () => {
  it("@lunaria-ignore:<glob> leaves the commit out for the files it matches only", async () => {
    expect(await changedBoth("Reword the intro\n\n@lunaria-ignore:articles/a.md")).toEqual({ "a.md": "current", "b.md": "outdated" });
  });

  it("@lunaria-track:<glob> counts the commit for the files it matches only", async () => {
    expect(await changedBoth("Reword the intro\n\n@lunaria-track:articles/b.md")).toEqual({ "a.md": "current", "b.md": "outdated" });
  });

  it("takes globs separated by `;`", async () => {
    expect(await changedBoth("Reword\n\n@lunaria-ignore:articles/x.md;articles/*.md")).toEqual({ "a.md": "current", "b.md": "current" });
  });

  it("reads the body only, as Lunaria does: a directive in the subject line is text", async () => {
    expect(await changedBoth("@lunaria-ignore:articles/a.md in the subject")).toEqual({ "a.md": "outdated", "b.md": "outdated" });
  });

  it("without a directive the commit counts for both", async () => {
    expect(await changedBoth("Reword the intro\n\nNo directive here.")).toEqual({ "a.md": "outdated", "b.md": "outdated" });
  });
});

describe("isSkipped", () => {
  it("matches markers anywhere in the message, ignoring case, for every file", () => {
    expect(isSkipped("Fix [I18NIGNORE] title", ["[i18nIgnore]"], "x.md")).toBe(true);
    expect(isSkipped("Fix title", ["[i18nIgnore]"], "x.md")).toBe(false);
  });

  it("honours only the first directive of the body", () => {
    const message = "Subject\n\n@lunaria-track:docs/a.md\n@lunaria-ignore:docs/b.md";
    expect(lunariaDirective(message)).toEqual({ kind: "track", globs: ["docs/a.md"] });
    expect(isSkipped(message, [], "docs/a.md")).toBe(false);
    expect(isSkipped(message, [], "docs/b.md")).toBe(true);
  });

  it("trims globs (a CRLF message) and ignores empty ones", () => {
    expect(lunariaDirective("S\r\n\r\n@lunaria-ignore: docs/**/*.md ;;\r\n")).toEqual({ kind: "ignore", globs: ["docs/**/*.md"] });
    expect(isSkipped("S\r\n\r\n@lunaria-ignore: docs/**/*.md ;;\r\n", [], "docs/x/y.md")).toBe(true);
  });

  it("without a file, only markers count", () => {
    expect(isSkipped("S\n\n@lunaria-ignore:**", [])).toBe(false);
  });
});

describe("a directive is not a skip marker", () => {
  it("counts a commit whose body holds `@lunaria-ignore:` for other files, though `lunaria-ignore` is a keyword", () => {
    const message = "Astro 7 support\n\n@lunaria-ignore:docs/pt-pt/index.mdx;docs/uk/index.mdx\n";
    expect(isSkipped(message, ["lunaria-ignore"], "docs/tr/index.mdx")).toBe(false);
    expect(isSkipped("Fix lunaria-ignore typo", ["lunaria-ignore"], "docs/tr/index.mdx")).toBe(true);
  });
});
