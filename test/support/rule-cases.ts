import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { check, type Finding } from "../../src/index.js";
import { FIXTURES, fixtureCases } from "./fixtures.js";

type ExpectedFinding = Pick<Finding, "ruleId" | "severity" | "locale" | "file"> & Partial<Pick<Finding, "line" | "anchor">>;

/**
 * One test per case folder under test/fixtures/<ruleId>/: a new folder is a new test. Each case is a
 * mini project; its expected.json lists the rule's findings exactly (rule, severity, locale, file,
 * line, anchor). Every case runs twice and must give byte-identical reports.
 */
export async function describeRuleCases(ruleId: string): Promise<void> {
  for (const name of await fixtureCases(ruleId)) {
    it(`${ruleId}: ${name}`, async () => {
      const root = path.join(FIXTURES, ruleId, name);
      const expected = JSON.parse(await readFile(path.join(root, "expected.json"), "utf8")) as { findings: ExpectedFinding[] };
      const report = await check({ root });
      const actual = report.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => pick(finding, expected.findings[0]));
      expect(actual).toEqual(expected.findings.map((finding) => pick(finding as Finding, finding)));
      for (const finding of report.findings) expect(finding.message).not.toContain("\n");
      expect(JSON.stringify(await check({ root }))).toBe(JSON.stringify(report));
    });
  }
}

/** The fields an expectation names; a case with no findings compares the default set. */
function pick(finding: Finding, shape: ExpectedFinding | undefined): ExpectedFinding {
  const keys = shape ? (Object.keys(shape) as Array<keyof ExpectedFinding>) : (["ruleId", "severity", "locale", "file", "line", "anchor"] as const);
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (finding[key] !== undefined) picked[key] = finding[key];
  return picked as ExpectedFinding;
}
