import { describe, expect, it } from "vitest";
import { check, type Report } from "../../src/index.js";
import { makeTree } from "../support/fixtures.js";

const SOURCE = "# Install\n\n## Linux\nRun it.\n\n## Windows\nRun it too.\n";
const PARTIAL = (title: string) => `# ${title} {#install}\n\n## Linux {#linux}\nText.\n`;

function brief(report: Report): string[] {
  // These trees are not git repositories; the one line saying so is not what is tested here.
  return report.findings.filter((finding) => finding.ruleId !== "history-unavailable").map((finding) => `${finding.ruleId} ${finding.locale} ${finding.file}:${finding.line ?? ""} ${finding.anchor ?? ""}`.trim());
}

describe("layout presets", () => {
  it("default: articles/ and locales/<locale>/", async () => {
    const root = await makeTree({ "articles/a.md": SOURCE, "locales/fr/a.md": PARTIAL("Installer") });
    expect(brief(await check({ root }))).toEqual(["missing-section fr locales/fr/a.md:5 windows"]);
  });

  it("docusaurus: docs/ and i18n/<locale>/docusaurus-plugin-content-docs/current/, .md and .mdx", async () => {
    const root = await makeTree({
      "l10n-drift.config.json": JSON.stringify({ preset: "docusaurus" }),
      "docs/a.mdx": SOURCE,
      "i18n/fr/docusaurus-plugin-content-docs/current/a.mdx": PARTIAL("Installer"),
      "i18n/fr/docusaurus-theme-classic/navbar.json": "{}",
    });
    const report = await check({ root });
    expect(brief(report)).toEqual(["missing-section fr i18n/fr/docusaurus-plugin-content-docs/current/a.mdx:5 windows"]);
  });

  it("hugo: content/<lang>/, the source language's folder excluded", async () => {
    const root = await makeTree({
      "package.json": JSON.stringify({ name: "site", "l10n-drift": { preset: "hugo" } }),
      "content/en/docs/a.md": SOURCE,
      "content/de/docs/a.md": PARTIAL("Installieren"),
      "content/ja/docs/a.md": "# インストール {#install}\n\n## Linux {#linux}\n本文。\n\n## Windows {#windows}\n本文。\n",
    });
    const report = await check({ root });
    expect(report.summary.locales).toBe(2);
    expect(brief(report)).toEqual(["missing-section de content/de/docs/a.md:5 windows"]);
  });

  it("mdn: files/en-us/ and files/<locale>/, index.md pages", async () => {
    const root = await makeTree({
      "l10n-drift.config.json": JSON.stringify({ preset: "mdn" }),
      "files/en-us/web/a/index.md": SOURCE,
      "files/en-us/web/a/notes.txt": "not a page",
      "files/pt-br/web/a/index.md": PARTIAL("Instalar"),
    });
    expect(brief(await check({ root }))).toEqual(["missing-section pt-br files/pt-br/web/a/index.md:5 windows"]);
  });

  it("separate-repos: one directory per locale, outside the root", async () => {
    const parent = await makeTree({
      "docs/articles/a.md": SOURCE,
      "docs/l10n-drift.config.json": JSON.stringify({ preset: "separate-repos", sourceDir: "articles", locales: { de: { code: "de-DE", dir: "../docs.de-de/articles" } } }),
      "docs.de-de/articles/a.md": PARTIAL("Installieren"),
    });
    const report = await check({ root: `${parent}/docs` });
    expect(brief(report)).toEqual(["missing-section de ../docs.de-de/articles/a.md:5 windows"]);
  });
});
