import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { makeTree } from "./support/fixtures.js";

describe("the public API", () => {
  it("exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual(["DriftError", "PRESETS", "PRESET_NAMES", "RULES", "STATUS_STATES", "alignSections", "check", "parseDocument", "workLists", "workStatus"]);
  });

  it("reports progress after each article, counting the files read", async () => {
    const root = await makeTree({
      "articles/a.md": "# A\n",
      "articles/b.md": "# B\n",
      "locales/de/a.md": "# A\n",
      "locales/de/b.md": "# B\n",
      "locales/sv/b.md": "# B\n",
    });
    const calls: Array<[number, number]> = [];
    await api.check({ root, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [2, 5],
      [5, 5],
    ]);
  });
});
