import { beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import { check, workLists, workStatus, type Finding } from "../../src/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

const SOURCE_A = `---
title: Get started
ms.date: 01/01/2024
---

# Get started

Read this first.

## Install

Run the installer and follow
the steps on screen.

* Pick a folder.
* Accept the licence.

## Configure

Set the port:

\`\`\`sh
tool config --port 80
\`\`\`

## Links

See [the reference](https://example.com/ref).
`;

const TRANSLATION = `---
title: Erste Schritte
ms.date: 01/01/2024
---

# Erste Schritte

Lesen Sie dies zuerst.

## <a name="install"></a>Installieren

Führen Sie das Installationsprogramm aus.

* Wählen Sie einen Ordner.
* Akzeptieren Sie die Lizenz.

## <a name="configure"></a>Konfigurieren

Legen Sie den Port fest:

\`\`\`sh
tool config --port 80
\`\`\`

## <a name="links"></a>Links

Siehe [die Referenz](https://example.com/ref).
`;

const SOURCE_B = SOURCE_A.replace("--port 80", "--port 8080");
const SOURCE_C = `${SOURCE_B}
## Troubleshoot

If the port is taken, pick another one.
`;
// Rewrapped and re-bulleted: the same document to a reader.
const SOURCE_D = SOURCE_C.replace("Run the installer and follow\nthe steps on screen.", "Run the installer and follow the steps on screen.").replace("* Pick a folder.\n* Accept the licence.", "- Pick a folder.\n- Accept the licence.");
const SOURCE_E = SOURCE_D.replace("Read this first.", "Read this first!");

describe("baselines from git history", () => {
  let repo: TestRepo;
  const commits: Record<string, string> = {};

  beforeAll(async () => {
    repo = await makeRepo();
    commits.source = await repo.commit("Add the getting-started article", { "articles/guide.md": SOURCE_A });
    commits.A = await repo.commit("Translate into German", { "locales/de/guide.md": TRANSLATION });
    commits.B = await repo.commit("Use port 8080", { "articles/guide.md": SOURCE_B });
    commits.C = await repo.commit("Add troubleshooting", { "articles/guide.md": SOURCE_C });
    // Swedish is translated from C and pins it; German stays at A.
    commits.sv = await repo.commit("Translate into Swedish", { "locales/sv/guide.md": `---\nms.sourcegitcommit: ${commits.C}\n${TRANSLATION.slice(4)}## <a name="troubleshoot"></a>Felsök\n\nOm porten är upptagen, välj en annan.\n` });
    commits.D = await repo.commit("Reformat", { "articles/guide.md": SOURCE_D });
    commits.E = await repo.commit("Fix punctuation\n\nL10n-Skip: true", { "articles/guide.md": SOURCE_E });
    commits.F = await repo.rename("Rename the article", "articles/guide.md", "articles/get-started.md");
  });

  const of = (findings: readonly Finding[], ruleId: string, locale: string) => findings.filter((finding) => finding.ruleId === ruleId && finding.locale === locale);

  it("finds the German baseline from its last commit and lists exactly the sections changed since", async () => {
    const report = await check({ root: repo.root, locales: ["de"] });
    const [stale, ...more] = of(report.findings, "stale-source", "de");
    expect(more).toEqual([]);
    expect(stale).toMatchObject({ file: "locales/de/guide.md", line: 1, article: "get-started.md" });
    expect(stale!.data).toEqual({
      changes: "changed `#configure` (code); added `#troubleshoot`",
      commits: "3 commits",
      shortCommit: commits.A!.slice(0, 7),
      method: "translation-commit",
      commit: commits.A,
      commitsBehind: 3, // B, C, D; E is marked and F only renamed
      skippedCommits: 1,
      changedLines: expect.any(Number),
      added: [{ anchor: "troubleshoot", title: "Troubleshoot" }],
      changed: [{ anchor: "configure", title: "Configure", kinds: ["code"] }],
      removed: [],
      formattingOnly: ["install"],
      frontMatter: [],
      includes: [],
      // Behind since B, the first source commit after the baseline (A).
      outdatedSince: repo.git("show", "-s", "--format=%cs", commits.B!),
    });
    expect(stale!.data!.outdatedSince).toBe("2024-01-04");
    expect(stale!.message).toBe(
      `The source changed since this translation's baseline \`${commits.A!.slice(0, 7)}\` (translation-commit): changed \`#configure\` (code); added \`#troubleshoot\`; 3 commits and ${String(stale!.data!.changedLines)} lines behind. Update the sections listed.`,
    );
    expect(of(report.findings, "stale-date", "de")).toEqual([]);
  });

  it("follows the rename: a renamed-source finding instead of an orphan and a missing translation", async () => {
    const report = await check({ root: repo.root });
    expect(report.findings.filter((finding) => ["orphan-translation", "missing-translation"].includes(finding.ruleId))).toEqual([]);
    expect(report.findings.filter((finding) => finding.ruleId === "renamed-source").map((finding) => [finding.locale, finding.file, finding.message])).toEqual([
      ["de", "locales/de/guide.md", "The source was renamed from `guide.md` to `get-started.md`; move this translation to `locales/de/get-started.md`."],
      ["sv", "locales/sv/guide.md", "The source was renamed from `guide.md` to `get-started.md`; move this translation to `locales/sv/get-started.md`."],
    ]);
  });

  it("takes the Swedish baseline from its commit pin; the reformat and the marked fix make nothing stale", async () => {
    const report = await check({ root: repo.root, locales: ["sv"] });
    expect(of(report.findings, "stale-source", "sv")).toEqual([]);
    expect(of(report.findings, "invalid-pin", "sv")).toEqual([]);
    expect(of(report.findings, "history-unavailable", "en")).toEqual([]);
  });

  it("gives the German translator a work list: the added section in full, a diff of the changed one, the reformatted one skipped", async () => {
    const [list, ...others] = await workLists({ root: repo.root, locales: ["de"] });
    expect(others).toEqual([]);
    expect(list).toMatchObject({ article: "get-started.md", locale: "de", file: "locales/de/guide.md", state: "stale", removed: [], includes: [] });
    expect(list!.baseline).toEqual({ method: "translation-commit", commit: commits.A, commitsBehind: 3, skippedCommits: 1 });
    expect(list!.added).toEqual([{ anchor: "troubleshoot", title: "Troubleshoot", level: 2, text: "## Troubleshoot\n\nIf the port is taken, pick another one." }]);
    expect(list!.changed).toEqual([
      {
        anchor: "configure",
        title: "Configure",
        level: 2,
        kinds: ["code"],
        diff: ["@@ -20,5 +19,5 @@", " Set the port:", " ", " ```sh", "-tool config --port 80", "+tool config --port 8080", " ```"].join("\n"),
      },
    ]);
    expect(list!.skipped).toEqual([{ anchor: "install", title: "Install", level: 2 }]);
  });

  it("prints the work list with `diff` and ranks the work with `status`", async () => {
    const out: string[] = [];
    const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text), env: { NO_COLOR: "1" }, stdoutIsTty: false, cwd: repo.root };
    expect(await main(["diff", "get-started.md", "--locale", "de"], io)).toBe(0);
    expect(out.join("")).toBe(
      [
        "locales/de/guide.md (de) ← articles/get-started.md",
        `  baseline \`${commits.A!.slice(0, 7)}\` (translation-commit), 3 commits behind, 1 marked commit skipped`,
        "  added    ## Troubleshoot (#troubleshoot)",
        "    +## Troubleshoot",
        "    +",
        "    +If the port is taken, pick another one.",
        "  changed  ## Configure (#configure): code",
        // File lines: the baseline's, and the source's as the reformat left it (one line shorter).
        "    @@ -20,5 +19,5 @@",
        "     Set the port:",
        "     ",
        "     ```sh",
        "    -tool config --port 80",
        "    +tool config --port 8080",
        "     ```",
        "  skipped  ## Install (#install): formatting only",
        "",
      ].join("\n"),
    );
    out.length = 0;
    expect(await main(["status"], io)).toBe(0);
    expect(out.join("")).toBe(
      [
        "de  0 broken, 1 outdated, 0 missing, 0 current",
        "  outdated       5 lines  locales/de/guide.md  1 changed, 1 added, 3 commits behind",
        // The report's state, as check gives it: the translation is still at the source's old path.
        "sv  1 broken, 0 outdated, 0 missing, 0 current",
        "  broken                  locales/sv/guide.md  1 translation error (`l10n-drift check` lists them); outdated too, 1 commit behind",
        "",
      ].join("\n"),
    );
    out.length = 0;
    expect(await main(["status", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(await workStatus({ root: repo.root }));
    out.length = 0;
    expect(await main(["diff", "nope.md"], io)).toBe(2);
    expect(out.join("")).toBe("l10n-drift: USAGE no article `nope.md` in `articles/`\n");
  });

  it("reports a pin the repository does not have, and falls back to the translation's commit", async () => {
    const other = await makeRepo();
    await other.commit("Add", { "articles/a.md": "# A\n\nText.\n" });
    await other.commit("Translate", { "locales/de/a.md": "---\nms.sourcegitcommit: 0123456789abcdef0123456789abcdef01234567\n---\n# A\n\nText.\n" });
    const report = await check({ root: other.root });
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.line, finding.message])).toEqual([
      ["invalid-pin", "locales/de/a.md", 2, "`ms.sourcegitcommit` is `0123456789abcdef0123456789abcdef01234567`, a commit this repository does not have; the baseline was found by translation-commit instead."],
    ]);
  });
});

describe("pin conventions", () => {
  it("reads MDN's nested `l10n.sourceCommit`, a configured key, and reports a commit at which the source did not exist", async () => {
    const repo = await makeRepo();
    const before = await repo.commit("Unrelated", { "articles/other.md": "# Other\n" });
    const added = await repo.commit("Add", { "articles/a.md": "# A\n\n## One\n\nFirst.\n" });
    await repo.commit("Translate", {
      "locales/de/a.md": `---\nl10n:\n  sourceCommit: ${added}\n---\n# A\n\n## <a name="one"></a>Eins\n\nErstens.\n`,
      "locales/sv/a.md": `---\nsource_commit: ${added.slice(0, 10)}\n---\n# A\n\n## <a name="one"></a>Ett\n\nFörst.\n`,
      "locales/nl/a.md": `---\nms.sourcegitcommit: ${before}\n---\n# A\n\n## <a name="one"></a>Een\n\nEerst.\n`,
    });
    await repo.commit("Add a section", { "articles/a.md": "# A\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n" });
    const report = await check({ root: repo.root, articles: ["a.md"], config: { keys: { sourceCommit: ["ms.sourcegitcommit", "l10n.sourceCommit", "source_commit"] } } });
    const stale = report.findings.filter((finding) => finding.ruleId === "stale-source");
    expect(stale.map((finding) => [finding.locale, finding.line, (finding.data as { method: string }).method, (finding.data as { commit: string }).commit])).toEqual([
      ["de", 2, "source-commit-pin", added],
      ["nl", 1, "translation-commit", expect.any(String)],
      ["sv", 2, "source-commit-pin", added],
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === "invalid-pin").map((finding) => [finding.locale, finding.line, finding.message])).toEqual([
      ["nl", 2, `\`ms.sourcegitcommit\` is \`${before}\`, a commit at which \`articles/a.md\` did not exist; the baseline was found by translation-commit instead.`],
    ]);
  });
});

describe("baselines without full history", () => {
  it("makes a page stale when a file it includes changed, naming the include", async () => {
    const repo = await makeRepo();
    await repo.commit("Add", { "articles/a.md": "# A\n\n[!INCLUDE [note](includes/note.md)]\n", "articles/includes/note.md": "Old note.\n" });
    const translated = await repo.commit("Translate", { "locales/de/a.md": "# A\n\n[!INCLUDE [note](includes/note.md)]\n" });
    await repo.commit("Update the note", { "articles/includes/note.md": "New note.\n" });
    const report = await check({ root: repo.root, articles: ["a.md"] });
    const stale = report.findings.filter((finding) => finding.ruleId === "stale-source");
    expect(stale.map((finding) => [finding.file, finding.message])).toEqual([
      ["locales/de/a.md", `The source changed since this translation's baseline \`${translated.slice(0, 7)}\` (translation-commit): include \`articles/includes/note.md\` changed; 0 commits and 0 lines behind. Update the sections listed.`],
    ]);
  });

  it("in a shallow clone, says once that history is missing, and still trusts a hash pin of the current source", async () => {
    const repo = await makeRepo();
    const source = "# A\n\n## One\n\nFirst.\n";
    const grown = `${source}\n## Two\n\nSecond.\n`;
    const translated = "# A\n\n## <a name=\"one\"></a>Eins\n\nErstens.\n";
    await repo.commit("Add", { "articles/a.md": source, "articles/b.md": source, "articles/c.md": grown });
    const oldBlob = repo.git("rev-parse", "HEAD:articles/a.md");
    const grownBlob = repo.git("rev-parse", "HEAD:articles/c.md");
    await repo.commit("Translate", {
      "locales/de/a.md": `---\nms.openlocfilehash: ${oldBlob}\n---\n${translated}`,
      "locales/de/b.md": translated,
      "locales/de/c.md": `---\nms.openlocfilehash: ${grownBlob}\n---\n${translated}\n## <a name="two"></a>Zwei\n\nZweitens.\n`,
    });
    await repo.commit("Add a section", { "articles/a.md": grown, "articles/b.md": grown });
    const clone = await makeRepo();
    clone.git("clone", "-q", "--depth", "1", `file://${repo.root}`, "shallow");
    const report = await check({ root: `${clone.root}/shallow` });
    // c.md's pin is the source now: up to date even without history. a.md's names a version
    // the clone lacks, b.md has no pin: both fall back to dates, and one line says why.
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.line, finding.anchor ?? ""])).toEqual([
      ["history-unavailable", "articles", undefined, ""],
      ["missing-section", "locales/de/a.md", 9, "two"],
      ["missing-section", "locales/de/b.md", 6, "two"],
    ]);
    expect(report.findings[0]!.message).toBe(
      "2 translations (such as `locales/de/a.md`) fall back to `ms.date`: last committed where this shallow clone's history starts; fetch full history (`fetch-depth: 0`) or pin the source in front matter (`ms.sourcegitcommit`, `ms.openlocfilehash`). " +
        "This clone is shallow and 1 source pin names a commit or version it lacks; fetch full history (`fetch-depth: 0`).",
    );
  });

  it("says once that a tree outside any repository is checked by date", async () => {
    const { makeTree } = await import("../support/fixtures.js");
    const root = await makeTree({ "articles/a.md": "# A\n", "locales/de/a.md": "# A\n", "locales/sv/a.md": "# A\n" });
    const report = await check({ root });
    expect(report.findings.map((finding) => [finding.ruleId, finding.locale, finding.file, finding.message])).toEqual([
      ["history-unavailable", "en", "articles", "2 translations (such as `locales/de/a.md`) fall back to `ms.date`: the tree is not in a git repository; run in a git clone, or pin the source hash (`ms.openlocfilehash`)."],
    ]);
    expect((await check({ root, history: false })).findings).toEqual([]);
  });
});

describe("baselines that the translation's outline corrects", () => {
  const SOURCE = "# Guide\n\n## Install\n\nRun `setup`.\n\n## Use\n\nRun `use`.\n";
  const GERMAN = "# Anleitung\n\n## Installieren\n\nFühren Sie `setup` aus.\n\n## Verwenden\n\nFühren Sie `use` aus.\n";

  it("takes an earlier commit of the translation when a later one (a fix across every locale) left its outline behind the source", async () => {
    const repo = await makeRepo();
    await repo.commit("Add the guide", { "articles/guide.md": SOURCE });
    const translated = await repo.commit("Translate the guide", { "locales/de/guide.md": GERMAN });
    await repo.commit("Add Limits", { "articles/guide.md": `${SOURCE}\n## Limits\n\nThere are limits.\n` });
    // A link fix in every locale touches the German file without translating Limits.
    await repo.commit("Fix a typo everywhere", { "locales/de/guide.md": GERMAN.replace("Führen Sie `use`", "Führen Sie bitte `use`") });
    const report = await check({ root: repo.root, articles: ["guide.md"] });
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.anchor, finding.cause])).toEqual([
      ["stale-source", "behind", undefined, "upstream"],
      ["missing-section", "missing-after", "limits", "upstream"],
    ]);
    expect(report.findings[0]?.message).toContain(`baseline \`${translated.slice(0, 7)}\` (translation-commit)`);
    expect(report.articles[0]?.translations[0]?.state).toBe("outdated");
  });

  it("keeps the last commit when the translator dropped a section its source already had", async () => {
    const repo = await makeRepo();
    await repo.commit("Add the guide", { "articles/guide.md": SOURCE });
    await repo.commit("Translate the guide", { "locales/de/guide.md": GERMAN });
    const shortened = await repo.commit("Shorten the German guide", { "locales/de/guide.md": "# Anleitung\n\n## Installieren\n\nFühren Sie `setup` aus.\n" });
    const report = await check({ root: repo.root, articles: ["guide.md"] });
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.anchor, finding.cause])).toEqual([["missing-section", "missing-after", "use", "translation"]]);
    expect(report.articles[0]?.translations[0]?.state).toBe("broken");
    expect(shortened).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("translated front matter in nested keys", () => {
  it("names `banner.content` in the work list when the source's banner changed, and nothing for a key that did not", async () => {
    const repo = await makeRepo();
    const page = (banner: string) => `---\ntitle: Home\nbanner:\n  content: ${banner}\nhero:\n  tagline: Build docs\n---\n\n# Home\n\nWelcome.\n`;
    await repo.commit("Add the home page", { "articles/index.md": page("Version 5 is out") });
    await repo.commit("Translate it", { "locales/de/index.md": "---\ntitle: Start\nbanner:\n  content: Version 5 ist da\nhero:\n  tagline: Baue Dokus\n---\n\n# Start\n\nWillkommen.\n" });
    await repo.commit("Announce version 7", { "articles/index.md": page("Version 7 is out") });
    await writeFile(path.join(repo.root, "l10n-drift.config.json"), JSON.stringify({ keys: { translated: ["title", "banner.content", "hero.tagline"] } }));
    const report = await check({ root: repo.root, articles: ["index.md"] });
    const translation = report.articles[0]?.translations[0];
    expect(translation?.state).toBe("outdated");
    expect(translation?.work?.frontMatter).toEqual(["banner.content"]);
  });
});
