import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLayout } from "../../src/tree/layout.js";
import { changedArticles } from "../../src/tree/changed.js";
import { ownerOfFile } from "../../src/tree/article-path.js";
import type { TreeLayout } from "../../src/tree/layout.js";
import { makeRepo } from "../support/git.js";

describe("changedArticles", () => {
  it("gives per article the locales a change touched, or all where the source changed, links following their target", async () => {
    const repo = await makeRepo();
    const base = await repo.commit("start", {
      "articles/a.md": "# A\n\n## Setup\n",
      "articles/b.md": "# B\n\nSee [setup](a.md#setup).\n",
      "articles/c.md": "# C\n",
      "locales/de/a.md": "# A (de)\n",
      "locales/ja/a.md": "# A (ja)\n",
      "locales/ja/b.md": "# B (ja)\n\nSee [setup](a.md#setup).\n",
      "locales/ja/c.md": "# C (ja)\n",
      "locales/zh/c.md": "# C (zh)\n",
    });
    const layout = await resolveLayout(repo.root, { preset: "default" });

    await repo.commit("Japanese", { "locales/ja/a.md": "# A (ja), reworded\n" });
    // b.md links to a.md: its translations in the locales a.md's change concerns.
    expect(await changedArticles(layout, base)).toEqual([
      { article: "a.md", locales: ["ja"] },
      { article: "b.md", locales: ["ja"] },
    ]);

    // Not committed, and a new orphan translation: both count.
    await writeFile(path.join(repo.root, "locales/zh/c.md"), "# C (zh), reworded\n");
    await writeFile(path.join(repo.root, "locales/de/gone.md"), "# Gone\n");
    expect(await changedArticles(layout, base)).toEqual([
      { article: "a.md", locales: ["ja"] },
      { article: "b.md", locales: ["ja"] },
      { article: "c.md", locales: ["zh"] },
      { article: "gone.md", locales: ["de"] },
    ]);

    await repo.commit("English", { "articles/a.md": "# A\n\n## Set-up\n", "locales/de/a.md": "# A (de), new\n" });
    expect(await changedArticles(layout, base)).toEqual([
      { article: "a.md", locales: "all" },
      { article: "b.md", locales: "all" },
      { article: "c.md", locales: ["zh"] },
      { article: "gone.md", locales: ["de"] },
    ]);
  });
});

describe("ownerOfFile", () => {
  it("gives a file in a locale folder inside the source directory to the locale", () => {
    const layout = { sourceDir: "docs", locales: [{ name: "de", dir: "docs/de" }] } as unknown as TreeLayout;
    expect(ownerOfFile(layout, "docs/guide.md")).toEqual({ article: "guide.md" });
    expect(ownerOfFile(layout, "docs/de/guide.md")).toEqual({ article: "guide.md", locale: "de" });
    expect(ownerOfFile(layout, "other/guide.md")).toBeUndefined();
  });
});
