import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitGlobs, loadHistory, scopePathspecs } from "../../src/git/history.js";
import { check } from "../../src/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

const SOURCE = "# A\n\n## One\n\nFirst.\n";
const GROWN = `${SOURCE}\n## Two\n\nSecond.\n`;
const TRANSLATION = '# A\n\n## <a name="one"></a>Eins\n\nErstens.\n';

/** Text that git compares for inexact renames: a few kilobytes that differ only at the end. */
function image(seed: string): string {
  return Array.from({ length: 200 }, (_, line) => `${seed} pixel row ${line}`).join("\n");
}

/** Deletes a loose object, as a partial clone or a damaged repository lacks it. */
async function dropObject(repo: TestRepo, blob: string): Promise<void> {
  await rm(path.join(repo.root, ".git/objects", blob.slice(0, 2), blob.slice(2)));
}

describe("history scoped to the documents", () => {
  it("reads neither code nor images, so blobs missing outside the documents fail nothing", async () => {
    const repo = await makeRepo();
    await repo.commit("Add", { "articles/a.md": SOURCE, "articles/shot.png": image("docs"), "img/logo.png": image("site"), "src/app.ts": "export {};\n" });
    const translated = await repo.commit("Translate", { "locales/de/a.md": TRANSLATION });
    const lost = [repo.git("rev-parse", "HEAD:articles/shot.png"), repo.git("rev-parse", "HEAD:img/logo.png")];
    // Renamed with a change: rename detection must read both old blobs to compare them.
    await repo.commit("Move the images", { "articles/shot.png": null, "articles/shot-2.png": `${image("docs")}\nmore`, "img/logo.png": null, "img/logo-2.png": `${image("site")}\nmore` });
    await repo.commit("Touch the code", { "src/app.ts": "export const x = 1;\n" });
    await repo.commit("Add a section", { "articles/a.md": GROWN });
    for (const blob of lost) await dropObject(repo, blob);
    // The whole tree's log, as it was read before, cannot be read at all.
    expect(() => execFileSync("git", ["log", "-M", "--raw", "--format=%H", "--", "."], { cwd: repo.root, stdio: "pipe" })).toThrow(/unable to read/);

    const report = await check({ root: repo.root });
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.locale, finding.file, finding.line, finding.anchor ?? ""])).toEqual([
      ["stale-source", "behind", "de", "locales/de/a.md", 1, ""],
      ["missing-section", "missing-after", "de", "locales/de/a.md", 6, "two"],
    ]);
    expect(report.findings[0]!.message).toContain(`baseline \`${translated.slice(0, 7)}\` (translation-commit)`);

    const scope = { folders: [{ dir: "articles", globs: ["**/*.md"] }, { dir: "locales/de", globs: ["**/*.md"] }], files: [] };
    const history = await loadHistory(repo.root, {}, scope);
    if (!history.available) throw new Error("expected history");
    try {
      // Commits that touched no document are not read: only those that did, newest first.
      expect(history.commits.map((commit) => commit.message.trim())).toEqual(["Add a section", "Translate", "Add"]);
      expect(history.versionsOf("img/logo-2.png")).toEqual([]);
    } finally {
      history.close();
    }
  });

  it("reads the history of an included file outside the source and locale folders", async () => {
    const repo = await makeRepo();
    const source = "# A\n\n[!INCLUDE [note](../includes/note.md)]\n";
    await repo.commit("Add", { "articles/a.md": source, "includes/note.md": "Old note.\n" });
    const translated = await repo.commit("Translate", { "locales/de/a.md": source });
    await repo.commit("Update the note", { "includes/note.md": "New note.\n" });
    const report = await check({ root: repo.root });
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.file, finding.message])).toEqual([
      [
        "stale-source",
        "behind",
        "locales/de/a.md",
        `The source changed since this translation's baseline \`${translated.slice(0, 7)}\` (translation-commit): include \`includes/note.md\` changed; 0 commits and 0 lines behind. Update the sections listed.`,
      ],
    ]);
  });

  it("writes folders and discovery globs as git pathspecs", () => {
    expect(gitGlobs("**/*.{md,mdx}")).toEqual(["**/*.md", "**/*.mdx"]);
    expect(gitGlobs("**/index.md")).toEqual(["**/index.md"]);
    expect(gitGlobs("**/!(draft).md")).toBeUndefined();
    expect(scopePathspecs("site/", { folders: [{ dir: "docs/[v1]", globs: ["**/*.{md,mdx}"] }, { dir: "../elsewhere", globs: ["*.md"] }, { dir: "", globs: ["+(a).md"] }], files: ["includes/x.md"] })).toEqual([
      ":(glob)site/docs/\\[v1\\]/**/*.md",
      ":(glob)site/docs/\\[v1\\]/**/*.mdx",
      ":(glob)site/**",
      ":(literal)site/includes/x.md",
    ]);
  });
});
