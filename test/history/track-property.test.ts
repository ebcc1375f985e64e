import { describe, expect, it } from "vitest";
import { check, workStatus } from "../../src/index.js";
import { makeRepo } from "../support/git.js";
import { summaryLine } from "../../src/reporters/text.js";
import { formatWorkStatus } from "../../src/reporters/worklist.js";

const READY = "---\ntitle: Ready\ni18nReady: true\n---\n\n# Ready\n\nText.\n";
const NOT_READY = "---\ntitle: Draft\ni18nReady: false\n---\n\n# Draft\n\n## Later\n\nText.\n";
const UNMARKED = "---\ntitle: Unmarked\n---\n\n# Unmarked\n\nText.\n";
const NESTED = "---\ntitle: Nested\nl10n:\n  ready: true\n---\n\n# Nested\n\nText.\n";
const TRANSLATION = "---\ntitle: Übersetzt\n---\n\n# Übersetzt\n\nText.\n";

async function tree(config: string) {
  const repo = await makeRepo();
  await repo.commit("Add", {
    "l10n-drift.config.json": config,
    "articles/ready.md": READY,
    "articles/draft.md": NOT_READY,
    "articles/unmarked.md": UNMARKED,
    "articles/nested.md": NESTED,
  });
  // The draft's translation lacks its `## Later` section: a finding, were the page tracked.
  await repo.commit("Translate", { "locales/de/ready.md": TRANSLATION, "locales/de/draft.md": TRANSLATION, "locales/de/nested.md": TRANSLATION });
  return repo.root;
}

const states = (report: Awaited<ReturnType<typeof check>>) => Object.fromEntries(report.articles.map((outline) => [outline.article, outline.translations[0]!.state]));

describe("history.trackProperty", () => {
  it("makes translations of pages that do not set it to true untracked, with no findings about them", async () => {
    const report = await check({ root: await tree('{ "history": { "trackProperty": "i18nReady" } }\n') });
    expect(states(report)).toEqual({ "draft.md": "untracked", "nested.md": "untracked", "ready.md": "current", "unmarked.md": "untracked" });
    expect(report.findings.filter((finding) => finding.locale === "de")).toEqual([]);
    expect(report.summary.states).toEqual({ broken: 0, outdated: 0, missing: 0, unreadable: 0, untracked: 3, current: 1 });
    // Untracked pages are not part of the locale's articles, translations or coverage.
    expect(report.summary.byLocale.de).toMatchObject({ articles: 1, translations: 1, sourceSections: 1, translatedSections: 1, coveragePercent: 100 });
    expect(summaryLine(report)).toBe("✔ 1 translation current (3 untracked), no drift in 4 articles × 1 locale");
  });

  it("reads a nested key with dots, and the option overrides the configuration", async () => {
    const report = await check({ root: await tree('{ "history": { "trackProperty": "i18nReady" } }\n'), trackProperty: "l10n.ready" });
    expect(states(report)).toEqual({ "draft.md": "untracked", "nested.md": "current", "ready.md": "untracked", "unmarked.md": "untracked" });
  });

  it("tracks every page without it: the draft's translation lacks a section, the unmarked page a translation", async () => {
    const report = await check({ root: await tree("{}\n") });
    expect(states(report)).toEqual({ "draft.md": "broken", "nested.md": "current", "ready.md": "current", "unmarked.md": "missing" });
  });

  it("lists untracked translations in status on request only", async () => {
    const root = await tree('{ "history": { "trackProperty": "i18nReady" } }\n');
    expect((await workStatus({ root })).entries).toEqual([]);
    const untracked = await workStatus({ root, states: ["untracked"] });
    expect(untracked.entries.map(({ article, state, file }) => ({ article, state, file }))).toEqual([
      { article: "draft.md", state: "untracked", file: "locales/de/draft.md" },
      { article: "nested.md", state: "untracked", file: "locales/de/nested.md" },
      { article: "unmarked.md", state: "untracked", file: "locales/de/unmarked.md" },
    ]);
    expect(untracked.locales.de).toEqual({ broken: 0, outdated: 0, missing: 0, unreadable: 0, untracked: 3, current: 1 });
    expect(formatWorkStatus(untracked, { color: false })).toBe(
      [
        "de  0 broken, 0 outdated, 0 missing, 1 current, 3 untracked",
        ...["draft", "nested", "unmarked"].map((name) => `  untracked               locales/de/${name}.md  its source is not meant for translation (\`history.trackProperty\`)`),
        "",
      ].join("\n"),
    );
  });

  it("is validated: an empty key is a configuration error", async () => {
    await expect(check({ root: await tree('{ "history": { "trackProperty": "" } }\n') })).rejects.toThrow("/history/trackProperty: must NOT have fewer than 1 characters");
  });
});
