import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { fixtureCases, REPO_ROOT } from "./support/fixtures.js";

describe("the rule registry", () => {
  it("is sorted by id, and each id is kebab-case and names its own file and test", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(path.join(REPO_ROOT, "src/rules", `${id}.ts`))).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, "test/rules", `${id}.test.ts`))).toBe(true);
    }
  });

  it("gives every rule a hit and a near miss among its fixtures", async () => {
    for (const rule of RULES) {
      const cases = await fixtureCases(rule.id);
      const expectations = cases.map((name) => JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures", rule.id, name, "expected.json"), "utf8")) as { findings: unknown[] });
      expect(expectations.some((expected) => expected.findings.length > 0), `${rule.id} has a case that fires`).toBe(true);
      expect(expectations.some((expected) => expected.findings.length === 0), `${rule.id} has a near miss`).toBe(true);
    }
  });

  it("matches the README's rule table", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const table = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)].map((match) => [match[1], match[2]] as const);
    expect(new Map(table)).toEqual(new Map(RULES.map((rule) => [rule.id, rule.severity])));
  });
});
