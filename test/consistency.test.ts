import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config/schema.js";
import { ruleDocPage, withRuleTable } from "../src/rules/docs.js";
import { MORE_FINDINGS } from "../src/model/rule.js";
import { RULES } from "../src/rules/index.js";
import { fixtureCases, REPO_ROOT } from "./support/fixtures.js";
import { expectedMessageIds } from "./support/rule-cases.js";

const STALE = "is out of date: run npm run docs";

/** `ruleId/messageId` of messages no fixture case can expect, each with the reason. */
const UNCOVERABLE: Readonly<Record<string, string>> = {
  // The engine's cap on findings per file, not a rule's message: tested in test/engine/hooks.test.ts.
  [`*/${MORE_FINDINGS}`]: "engine cap",
};

describe("the rule registry", () => {
  it("is sorted by id, and each id is kebab-case and names its own file", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(path.join(REPO_ROOT, "src/rules", `${id}.ts`))).toBe(true);
    }
  });

  it("gives every rule metadata: messages, defaults per message, option schemas, examples and a versioned docs URL", () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    for (const rule of RULES) {
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      for (const template of Object.values(rule.messages)) expect(template, rule.id).not.toMatch(/[\r\n]/);
      for (const messageId of Object.keys(rule.messageSeverity ?? {})) expect(Object.keys(rule.messages), rule.id).toContain(messageId);
      expect(Object.keys(rule.options).every((name) => name in rule.optionsSchema), `${rule.id}: every default has a schema`).toBe(true);
      expect(rule.url).toBe(`https://github.com/l10n-drift/l10n-drift/blob/v${version}/docs/rules/${rule.id}.md`);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(40);
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

  it("gives every message of every rule a fixture case that expects it", async () => {
    const uncovered: string[] = [];
    const excludedButCovered: string[] = [];
    for (const rule of RULES) {
      const expected = await expectedMessageIds(rule.id);
      for (const messageId of [...Object.keys(rule.messages), MORE_FINDINGS]) {
        const name = `${rule.id}/${messageId}`;
        const excluded = name in UNCOVERABLE || `*/${messageId}` in UNCOVERABLE;
        if (excluded && expected.has(messageId)) excludedButCovered.push(name);
        if (!excluded && !expected.has(messageId)) uncovered.push(name);
      }
    }
    expect(uncovered, "messages with no fixture case under test/fixtures/<rule-id>/ expecting them").toEqual([]);
    expect(excludedButCovered, "messages listed in UNCOVERABLE that a fixture case now expects: drop them from the list").toEqual([]);
    // An exclusion must name a message that exists, so the list cannot outlive the rule it excuses.
    for (const name of Object.keys(UNCOVERABLE).filter((name) => !name.startsWith("*/"))) {
      const [ruleId, messageId] = name.split("/") as [string, string];
      expect(Object.keys(RULES.find((rule) => rule.id === ruleId)?.messages ?? {}), `${name} is not a message`).toContain(messageId);
    }
  });

  it("matches the generated docs: README rule table, docs/rules/<id>.md, schema/config.schema.json", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(readme, `README.md's rule table ${STALE}`).toBe(withRuleTable(readme, RULES));
    for (const rule of RULES) {
      expect(readFileSync(path.join(REPO_ROOT, "docs/rules", `${rule.id}.md`), "utf8"), `docs/rules/${rule.id}.md ${STALE}`).toBe(ruleDocPage(rule));
    }
    expect(readdirSync(path.join(REPO_ROOT, "docs/rules")).sort()).toEqual(RULES.map((rule) => `${rule.id}.md`).sort());
    const shipped = JSON.parse(readFileSync(path.join(REPO_ROOT, "schema/config.schema.json"), "utf8")) as unknown;
    expect(shipped, `schema/config.schema.json ${STALE}`).toEqual(configSchema(RULES));
  });

  it("names no preset key and no other rule's id in rule and engine code", () => {
    const presetKeys = ["ms.date", "ms.contentlocale", "ms.sourcegitcommit", "ms.openlocfilehash", "lastmod", "last_update.date", "l10n.date"];
    const files = [
      ...["article", "hooks", "rule-settings", "resolve-run"].map((name) => `src/engine/${name}.ts`),
      "src/rules/history-unavailable.ts",
      "src/rules/stale-date.ts",
      "src/rules/locale-mismatch.ts",
      "src/rules/stale-source.ts",
    ];
    for (const file of files) {
      // Comments and documentation (description, rationale, examples) may name keys; code may not.
      const code = readFileSync(path.join(REPO_ROOT, file), "utf8").replace(/^\s*(\/\/|\*|\/\*\*|description:|rationale:|bad:|good:|"[^"]*",?$).*$/gm, "");
      for (const key of presetKeys) expect(code.includes(`"${key}"`) || code.includes(`\`${key}\``), `${file} names ${key}`).toBe(false);
      if (file.startsWith("src/engine/")) for (const rule of RULES) expect(code.includes(`"${rule.id}"`), `${file} names ${rule.id}`).toBe(false);
    }
  });
});
