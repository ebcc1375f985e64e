import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/index.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { makeRepo, type TestRepo } from "../support/git.js";

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");

/** The built CLI with the environment pinned; its exit code and output. */
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", CI: "true" };
  delete env.FORCE_COLOR;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const GUIDE = "# Guide\n\nHow to get going.\n\n## Install\n\nRun the installer.\n\n## Usage\n\nStart the tool and follow the prompts.\n";
const GOVERNANCE = "\n## Governance\n\nThe steering committee decides.\n";
const OTHER = "# Other\n\nAnother page.\n\n## Limits\n\nThere are some limits.\n";
const TRANSLATIONS = {
  de: {
    guide: "# Anleitung\n\nSo fangen Sie an.\n\n## Installieren {#install}\n\nFühren Sie das Installationsprogramm aus.\n\n## Verwendung {#usage}\n\nStarten Sie das Werkzeug und folgen Sie den Anweisungen.\n",
    other: "# Andere Seite\n\nNoch eine Seite.\n\n## Grenzen {#limits}\n\nEs gibt einige Grenzen.\n",
  },
  ja: {
    guide: "# ガイド\n\n始め方について説明します。\n\n## インストール {#install}\n\nインストーラーを実行します。\n\n## 使い方 {#usage}\n\nツールを起動して、指示に従ってください。\n",
    other: "# 別のページ\n\nもう一つのページです。\n\n## 制限 {#limits}\n\nいくつかの制限があります。\n",
  },
};
/** The Japanese guide without its `## 使い方` (usage) section: a translator's error. */
const JA_GUIDE_WITHOUT_USAGE = "# ガイド\n\n始め方について説明します。\n\n## インストール {#install}\n\nインストーラーを実行します。\n";
/** Chinese: only the guide, and without its usage section, which its baseline had (debt). */
const ZH_GUIDE_WITHOUT_USAGE = "# 指南\n\n介绍如何开始使用。\n\n## 安装 {#install}\n\n运行安装程序。\n";

/**
 * A docs repository as a pull request finds it: the English sources, then their German and
 * Japanese translations in a commit of their own (so history knows which source version each was
 * made from); `chinese` adds a partial Chinese locale (only the guide, lacking a section).
 */
async function docsRepo(options: { chinese?: boolean } = {}): Promise<TestRepo> {
  const repo = await makeRepo();
  await repo.commit("Add the guide and another page", { "articles/guide.md": GUIDE, "articles/other.md": OTHER });
  await repo.commit("Translate into German and Japanese", {
    "locales/de/guide.md": TRANSLATIONS.de.guide,
    "locales/de/other.md": TRANSLATIONS.de.other,
    "locales/ja/guide.md": TRANSLATIONS.ja.guide,
    "locales/ja/other.md": TRANSLATIONS.ja.other,
    ...(options.chinese && { "locales/zh/guide.md": ZH_GUIDE_WITHOUT_USAGE }),
  });
  return repo;
}

async function json(root: string, ...args: string[]): Promise<Report> {
  return JSON.parse((await cli(root, "check", "--format", "json", ...args)).stdout) as Report;
}

const findingsOf = (report: Report) => report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.cause, finding.locale, finding.anchor, finding.line]);
const statesOf = (report: Report) => report.articles.flatMap((article) => article.translations.map((translation) => `${article.article} ${translation.locale} ${translation.state}`));

describe("pull requests through the built CLI (check --changed-since)", () => {
  it("an English-only change does not fail, and says which translations it made outdated", async () => {
    const repo = await docsRepo();
    await repo.commit("Add a Governance section", { "articles/guide.md": GUIDE + GOVERNANCE });

    const text = await cli(repo.root, "check", "--changed-since", "HEAD~1");
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")).toEqual([
      "locale  current  outdated  broken  missing  sections",
      "de            0         1       0        0       75%",
      "ja            0         1       0        0       75%",
      "",
      "Changed since `HEAD~1`: 1 article: `guide.md` (source)",
      "This change made 2 translations outdated: de `locales/de/guide.md`, ja `locales/ja/guide.md`.",
      "",
      "Outdated (2): the source changed since they were translated",
      "  de  locales/de/guide.md  1 commit (4 lines) behind since 2024-01-04: added `#governance`",
      "  ja  locales/ja/guide.md  1 commit (4 lines) behind since 2024-01-04: added `#governance`",
      "",
      "⚠ 0 broken, 2 outdated, 0 missing of 2 translations; 4 findings (2 errors, 2 warnings, 0 info) in 1 article × 2 locales",
      "",
    ]);

    const markdown = await cli(repo.root, "check", "--changed-since", "HEAD~1", "--format", "markdown");
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("\n\nThis change made 2 translations outdated: de <code>locales/de/guide.md</code>, ja <code>locales/ja/guide.md</code>.\n\n");

    const report = await json(repo.root, "--changed-since", "HEAD~1");
    expect(report.scope).toEqual({ changedSince: "HEAD~1", locales: ["de", "ja"], sourceLocale: "en", articles: [{ article: "guide.md", locales: "all" }] });
    // The missing section is the source's news, not the translators' error: their baseline predates it.
    expect(findingsOf(report)).toEqual([
      ["stale-source", "behind", "upstream", "de", undefined, 1],
      ["missing-section", "missing-after", "upstream", "de", "governance", 12],
      ["stale-source", "behind", "upstream", "ja", undefined, 1],
      ["missing-section", "missing-after", "upstream", "ja", "governance", 12],
    ]);
  });

  it("a Japanese change that deletes a section fails, naming it", async () => {
    const repo = await docsRepo();
    await repo.commit("Shorten the Japanese guide", { "locales/ja/guide.md": JA_GUIDE_WITHOUT_USAGE });

    const text = await cli(repo.root, "check", "--changed-since", "HEAD~1");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      [
        "Changed since `HEAD~1`: 1 article: `guide.md` (ja)",
        "",
        "Broken (1): translation errors to fix",
        "  ja  locales/ja/guide.md",
        "    locales/ja/guide.md:8:1  error    Section `Usage` (`#usage`) is missing; add it after `インストール` (`#install`), as in the source.  missing-section",
        "",
      ].join("\n"),
    );
    const verbose = await cli(repo.root, "check", "--changed-since", "HEAD~1", "--verbose");
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toContain(
      "\n\nEvery finding (1)\nguide.md\n  ja\n    locales/ja/guide.md:8:1  error    Section `Usage` (`#usage`) is missing; add it after `インストール` (`#install`), as in the source.  missing-section\n\n",
    );
    expect(text.stdout).not.toContain("Every finding");
    const report = await json(repo.root, "--changed-since", "HEAD~1");
    expect(report.scope?.articles).toEqual([{ article: "guide.md", locales: ["ja"] }]);
    expect(findingsOf(report)).toEqual([["missing-section", "missing-after", "translation", "ja", "usage", 8]]);
    expect(statesOf(report)).toEqual(["guide.md ja broken"]);
  });

  it("both in one change: the translator's error fails, the source's news does not; a partial locale's missing page never fails", async () => {
    const repo = await docsRepo();
    // A partial locale: Chinese has only the other page.
    await repo.commit("Translate the other page into Chinese", { "locales/zh/other.md": "# 另一页\n\n又一个页面。\n\n## 限制 {#limits}\n\n有一些限制。\n" });
    await repo.commit("Add Governance; shorten the Japanese guide", { "articles/guide.md": GUIDE + GOVERNANCE, "locales/ja/guide.md": JA_GUIDE_WITHOUT_USAGE });

    const text = await cli(repo.root, "check", "--changed-since", "HEAD~1");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("This change made 2 translations outdated: de `locales/de/guide.md`, ja `locales/ja/guide.md`.\n");
    expect(text.stdout).toContain("  zh: 1 of 1 page not translated (`l10n-drift status --state missing --locale zh` lists them)\n");
    const report = await json(repo.root, "--changed-since", "HEAD~1");
    expect(statesOf(report)).toEqual(["guide.md de outdated", "guide.md ja broken", "guide.md zh missing"]);
    expect(report.articles[0]?.translations.find((translation) => translation.locale === "ja")?.outdated).toBe(true);
    // The Japanese file's last commit is this one, whose source already has Governance; but its
    // outline fits the source before it (Governance never reached it), so that is its baseline:
    // Usage, which that source had, is the translator's error; Governance is upstream work.
    expect(report.findings.filter((finding) => finding.locale === "ja").map((finding) => [finding.ruleId, finding.anchor, finding.cause])).toEqual([
      ["stale-source", undefined, "upstream"],
      ["missing-section", "governance", "upstream"],
      ["missing-section", "usage", "translation"],
    ]);

    // Without the Japanese error (the other locales of the same change), the outdated German
    // guide and the missing Chinese page pass.
    const others = await cli(repo.root, "check", "--changed-since", "HEAD~1", "--locale", "de,zh");
    expect(others.code).toBe(0);
    expect(others.stdout).toContain("\n⚠ 0 broken, 1 outdated, 1 missing of 2 translations;");
  });

  it("a translation-only change is judged in the locales it touched: Japanese work does not fail on Chinese debt", async () => {
    const repo = await docsRepo({ chinese: true });
    await repo.commit("Reword the Japanese guide", { "locales/ja/guide.md": TRANSLATIONS.ja.guide.replace("指示に従ってください", "画面の指示に従ってください") });

    const changed = await cli(repo.root, "check", "--changed-since", "HEAD~1");
    expect(changed.code).toBe(0);
    // Only the locale the change touched is judged, so only it has a row.
    expect(changed.stdout.split("\n").slice(0, 4)).toEqual([
      "locale  current  outdated  broken  missing  sections",
      "ja            1         0       0        0      100%",
      "",
      "Changed since `HEAD~1`: 1 article: `guide.md` (ja)",
    ]);
    const report = await json(repo.root, "--changed-since", "HEAD~1");
    expect(report.scope?.articles).toEqual([{ article: "guide.md", locales: ["ja"] }]);
    expect(statesOf(report)).toEqual(["guide.md ja current"]);

    // The whole tree, or a change to the Chinese guide, does see the Chinese error.
    expect((await cli(repo.root, "check")).code).toBe(1);
    await repo.commit("Touch the Chinese guide", { "locales/zh/guide.md": `${ZH_GUIDE_WITHOUT_USAGE}\n` });
    const chinese = await cli(repo.root, "check", "--changed-since", "HEAD~1");
    expect(chinese.code).toBe(1);
    expect(chinese.stdout).toContain("    locales/zh/guide.md:8:1  error    Section `Usage` (`#usage`) is missing; add it after `安装` (`#install`), as in the source.  missing-section\n");
  });
});
