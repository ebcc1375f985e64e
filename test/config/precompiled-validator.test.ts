import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/load.js";
import { configSchema } from "../../src/config/schema.js";
import { schemaKey } from "../../src/config/validator-options.js";
import { RULES } from "../../src/index.js";
import { REPO_ROOT } from "../support/fixtures.js";

// The build compiles the configuration schema to standalone code (scripts/compile-config-validator.js);
// the sources, which vitest runs, compile it at run time. Both must say the same.
const built = (file: string) => import(path.join(REPO_ROOT, "dist", file));

const INVALID = [
  { preset: "jekyll", rules: { "stale-date": "fatal", "no-such-rule": "off" }, colour: true },
  { rules: { "locale-mismatch": ["warning", { localeKey: 3 }], "stale-date": ["error", { dateKye: "x" }] } },
  { rules: { "code-drift": ["warning", { severity: { "comment-only": "info" } }] } },
  { locales: "de" },
  { locales: ["de", "de"] },
  { locales: { de: 5 } },
  { include: [] },
];

async function problemOf(validate: (value: unknown, rules: unknown, where: string) => Promise<unknown>, rules: unknown, value: unknown): Promise<string> {
  try {
    await validate(value, rules, "the configuration");
  } catch (error) {
    return (error as Error).message;
  }
  return "valid";
}

describe("the build's precompiled configuration validator", () => {
  it("is compiled from the schema of the built-in rules", async () => {
    const { SCHEMA_KEY } = (await built("config/config-validator.js")) as { SCHEMA_KEY: string };
    expect(SCHEMA_KEY).toBe(schemaKey(configSchema(RULES)));
  });

  it("reports every problem as the validator compiled at run time does", async () => {
    const dist = (await built("config/load.js")) as { validateConfig: typeof validateConfig };
    const distRules = ((await built("rules/index.js")) as { RULES: typeof RULES }).RULES;
    for (const value of INVALID) {
      const compiled = await problemOf(validateConfig as never, RULES, value);
      expect(compiled).not.toBe("valid");
      expect(await problemOf(dist.validateConfig as never, distRules, value)).toBe(compiled);
    }
    expect(await problemOf(dist.validateConfig as never, distRules, { preset: "hugo", rules: { "stale-date": "off" } })).toBe("valid");
  });

  it("says the same in plain Node, whose CommonJS interop differs from vitest's", async () => {
    const script = `
      const { validateConfig } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "dist/config/load.js")).href)});
      const { RULES } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "dist/rules/index.js")).href)});
      const problems = [];
      for (const value of ${JSON.stringify(INVALID)}) problems.push(await validateConfig(value, RULES, "the configuration").then(() => "valid", (error) => error.message));
      console.log(JSON.stringify(problems));`;
    const inNode = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as string[];
    const compiled = await Promise.all(INVALID.map((value) => problemOf(validateConfig as never, RULES, value)));
    expect(inNode).toEqual(compiled);
  });
});
