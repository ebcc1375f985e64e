import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { formatJson } from "../../src/reporters/json.js";
import { FIXTURES } from "../support/fixtures.js";
import { bundledReport, compileSchema, edgeReport, REPORT_SCHEMA } from "../support/reports.js";

const validate = compileSchema(REPORT_SCHEMA);

function expectValid(json: string): void {
  const valid = validate(JSON.parse(json));
  expect(validate.errors ?? [], "schema/report.schema.json").toEqual([]);
  expect(valid).toBe(true);
}

describe("schema/report.schema.json", () => {
  it("accepts the bundled example's report and the hand-built one's one-line findings", async () => {
    expectValid(formatJson(await bundledReport()));
    const report = edgeReport();
    expectValid(formatJson({ ...report, findings: report.findings.filter((finding) => !/[\r\n]/.test(finding.message)) }));
  });

  it("accepts the report of every rule fixture", async () => {
    for (const rule of await readdir(FIXTURES, { withFileTypes: true })) {
      if (!rule.isDirectory() || rule.name === "seeds") continue;
      for (const fixture of await readdir(path.join(FIXTURES, rule.name), { withFileTypes: true })) {
        if (fixture.isDirectory()) expectValid(formatJson(await check({ root: path.join(FIXTURES, rule.name, fixture.name) })));
      }
    }
  });

  it("rejects a report that breaks it", () => {
    const report = edgeReport();
    expect(validate({ ...report, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...report, findings: [{ ...report.findings[0], severity: "fatal" }] })).toBe(false);
    expect(validate({ ...report, findings: [{ ...report.findings[0], line: 0 }] })).toBe(false);
    expect(validate({ ...report, extra: true })).toBe(false);
    // The hand-built report's third message spans two lines; a message is one line.
    expect(validate(report)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(["/findings/2/message"]);
  });
});
