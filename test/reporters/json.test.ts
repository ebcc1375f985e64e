import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { jsonText, jsonTextChunks } from "../../src/reporters/escape.js";
import { formatJson, formatJsonChunks } from "../../src/reporters/json.js";
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
        if (!fixture.isDirectory()) continue;
        const report = await check({ root: path.join(FIXTURES, rule.name, fixture.name) });
        expectValid(formatJson(report));
        // What --format json writes, in pieces, is the same text.
        expect([...formatJsonChunks(report)].join("")).toBe(formatJson(report));
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

describe("JSON in pieces", () => {
  it("is jsonText's text exactly, at every depth it streams to", async () => {
    const values: unknown[] = [
      {},
      [],
      null,
      "text",
      5,
      { toJSON: () => ({ a: 1 }) },
      [[1, [2, []]], {}, undefined, () => 1],
      { empty: [], none: {}, gone: undefined, fn: () => 1, kept: null, lines: "a\nb", controls: "\u0085\u2028\u007f", nested: [undefined, 1, { x: [1, { y: "é漢" }] }] },
      { findings: Array.from({ length: 3000 }, (_, index) => ({ index, message: "é漢 ".repeat(index % 7), related: [{ line: index + 1 }] })) },
      edgeReport(),
      await bundledReport(),
    ];
    for (const value of values) {
      for (const depth of [0, 1, 2, 3, 6]) expect([...jsonTextChunks(value, depth)].join("")).toBe(jsonText(value));
    }
  });

  it("holds no piece longer than a chunk and one run of items, and ends each at a line end", () => {
    const report = { findings: Array.from({ length: 100_000 }, (_, index) => ({ index, message: "x".repeat(40) })) };
    const pieces = [...jsonTextChunks(report)];
    expect(pieces.length).toBeGreaterThan(5);
    // A chunk is cut once it reaches 1 MiB; a run is 256 items of about 80 characters here.
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1024 * 1024 + 256 * 100);
    expect(pieces.filter((piece) => !piece.endsWith("\n"))).toEqual([]);
  });
});
