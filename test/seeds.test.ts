import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SEED_FILES, SEEDS } from "./support/fixtures.js";

describe("the bundled example", () => {
  it("holds the seed translations byte for byte", async () => {
    for (const locale of ["de", "sv", "nl", "zh"] as const) {
      const bundled = await readFile(path.join(REPO_ROOT, "locales", locale, "expressroute/expressroute-connectivity-models.md"));
      expect(bundled.equals(await readFile(path.join(SEEDS, SEED_FILES[locale]))), locale).toBe(true);
    }
  });
});
