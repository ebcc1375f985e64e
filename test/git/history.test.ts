import { describe, expect, it } from "vitest";
import { loadHistory } from "../../src/git/history.js";
import { makeRepo } from "../support/git.js";

describe("reading history in one pass", () => {
  it("reads any file name back exactly and follows renames to where a file was added", async () => {
    const repo = await makeRepo();
    const odd = "docs/naïve file\nwith a newline.md";
    const first = await repo.commit("Add\n\nA body with \u001f and \u001e in it.", { [odd]: "# A\n", "docs/other.md": "# B\n" });
    await repo.commit("Edit", { [odd]: "# A\n\nMore.\n" });
    await repo.rename("Move", odd, "docs/moved.md");
    const last = await repo.commit("Edit again", { "docs/moved.md": "# A\n\nMore, still.\n" });
    const history = await loadHistory(`${repo.root}/docs`);
    if (!history.available) throw new Error("expected history");
    try {
      expect(history.prefix).toBe("docs/");
      expect(history.commits.map((commit) => commit.message.trim())).toEqual(["Edit again", "Move", "Edit", "Add\n\nA body with \u001f and \u001e in it."]);
      expect(history.versionsOf("moved.md").map((version) => [version.path, version.status])).toEqual([
        ["moved.md", "M"],
        ["moved.md", "R"],
        ["naïve file\nwith a newline.md", "M"],
        ["naïve file\nwith a newline.md", "A"],
      ]);
      expect(history.versionsOf("moved.md")[0]!.commit).toBe(last);
      expect(history.versionsOf("moved.md").at(-1)!.commit).toBe(first);
      expect(history.renamedTo("naïve file\nwith a newline.md")).toEqual({ path: "moved.md", commitIndex: 1 });
      expect(history.renamedTo("other.md")).toBeUndefined();
      const blob = await history.reader.readText(history.versionsOf("moved.md").at(-1)!.blob);
      expect(blob).toBe("# A\n");
      expect((await history.reader.read("0000000000000000000000000000000000000001")).found).toBe(false);
    } finally {
      history.close();
    }
  });

  it("says when there is no repository", async () => {
    const { makeTree } = await import("../support/fixtures.js");
    expect(await loadHistory(await makeTree({ "a.md": "# A\n" }))).toEqual({ available: false, reason: "not-a-repository" });
  });
});
