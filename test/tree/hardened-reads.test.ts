import { execFileSync } from "node:child_process";
import { rm, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLayout } from "../../src/tree/layout.js";
import { resolveLocales } from "../../src/tree/locales.js";
import { changedArticles } from "../../src/tree/changed.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../../src/io/file-system.js";
import { DEFAULT_PARSE_LIMITS } from "../../src/parse/document.js";
import { makeTree } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";

const GERMAN = "---\nms.contentlocale: de-DE\n---\n# Titel\n";

/** `locales/german/` declares `de-DE` in its first document, unless that document is hostile. */
async function localeTree(first: "declares" | "fifo" | "dev-zero"): Promise<string> {
  const root = await makeTree({ "articles/a.md": "# Title\n", "locales/german/0.md": GERMAN, "locales/german/1.md": GERMAN });
  const file = path.join(root, "locales/german/0.md");
  if (first === "fifo") {
    await rm(file);
    execFileSync("mkfifo", [file]);
  }
  if (first === "dev-zero") {
    await rm(file);
    await symlink("/dev/zero", file);
  }
  return root;
}

describe("reads in tree/ go through the hardened loader", () => {
  it("--locale resolves a declared BCP 47 code to its folder", async () => {
    const root = await localeTree("declares");
    expect(await resolveLocales(await resolveLayout(root, { preset: "default" }), ["de-DE"])).toEqual(["german"]);
  });

  it("a named pipe as a locale's first document does not hang --locale", async () => {
    const root = await localeTree("fifo");
    const layout = await resolveLayout(root, { preset: "default" });
    await expect(resolveLocales(layout, ["de-DE"])).rejects.toThrow("unknown locale `de-DE`; the locales of this tree are: german");
  });

  it("a link to /dev/zero as a locale's first document is not read", async () => {
    const root = await localeTree("dev-zero");
    const layout = await resolveLayout(root, { preset: "default" });
    await expect(resolveLocales(layout, ["de-DE"])).rejects.toThrow("unknown locale `de-DE`; the locales of this tree are: german");
  });

  it("--changed-since reads linking files through the loader, within its size limit", async () => {
    const repo = await makeRepo();
    const base = await repo.commit("start", { "articles/a.md": "# A\n\n## Setup\n", "articles/b.md": "# B\n\nSee [setup](a.md#setup).\n", "articles/c.md": "# C\n" });
    await repo.commit("change a", { "articles/a.md": "# A\n\n## Set-up\n" });
    const layout = await resolveLayout(repo.root, { preset: "default" });
    const opened: string[] = [];
    const fileSystem: FileSystem = { ...NODE_FILE_SYSTEM, open: async (file, flags) => (opened.push(path.relative(repo.root, file)), NODE_FILE_SYSTEM.open(file, flags)) };
    expect(await changedArticles(layout, base, DEFAULT_PARSE_LIMITS, fileSystem)).toEqual([
      { article: "a.md", locales: "all" },
      { article: "b.md", locales: "all" },
    ]);
    expect(opened).toEqual(["articles/b.md"]);
    // Over the size limit (as a link to /dev/zero would be), the file is not read, so it links nowhere.
    expect(await changedArticles(layout, base, { ...DEFAULT_PARSE_LIMITS, maxFileBytes: 10 })).toEqual([{ article: "a.md", locales: "all" }]);
  });
});
