import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { formatSarif } from "../../src/reporters/sarif.js";
import { RULES } from "../../src/rules/index.js";
import { bundledReport, compileSchema, edgeReport, SARIF_SCHEMA } from "../support/reports.js";

const validate = compileSchema(SARIF_SCHEMA, false);

function sarif(report: Parameters<typeof formatSarif>[0]): Sarif.Log {
  const log = JSON.parse(formatSarif(report, { rules: RULES })) as Sarif.Log;
  const valid = validate(log);
  expect(validate.errors ?? [], "the official SARIF 2.1.0 schema").toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe("formatSarif", () => {
  it("gives valid SARIF 2.1.0 with every registry rule and a result per finding", async () => {
    const log = sarif(await bundledReport());
    const run = log.runs[0]!;
    expect(run.tool.driver.rules?.map((rule) => [rule.id, rule.defaultConfiguration?.level])).toEqual(RULES.map((rule) => [rule.id, rule.severity === "info" ? "note" : rule.severity]));
    const missing = run.tool.driver.rules?.find((rule) => rule.id === "missing-section");
    expect(missing?.shortDescription?.text).toBe(RULES.find((rule) => rule.id === "missing-section")?.description);
    const rule = RULES.find((each) => each.id === "missing-section")!;
    expect(missing?.helpUri).toBe(rule.url);
    expect(missing?.help?.text).toBe(`${rule.description} ${rule.rationale} See ${rule.url}`);
    expect(missing?.help?.markdown).toBe(`${rule.description}\n\n${rule.rationale}\n\n[Rule documentation](${rule.url})`);
    expect(run.results).toHaveLength(15);
    const result = run.results!.find((candidate) => candidate.ruleId === "missing-section" && candidate.properties?.locale === "de")!;
    expect(result.level).toBe("error");
    expect(run.tool.driver.rules?.[result.ruleIndex!]?.id).toBe("missing-section");
    expect(result.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "locales/de/expressroute/expressroute-connectivity-models.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 33, startColumn: 1 },
    });
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: "articles/expressroute/expressroute-connectivity-models.md", uriBaseId: "%SRCROOT%" }, region: { startLine: 27, startColumn: 1 } },
        message: { text: "The section in the source." },
      },
    ]);
  });

  it("is checked by a schema that rejects a run without a tool", () => {
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
  });

  it("maps info to note, points a file-wide finding at line 1 and keeps fingerprints apart", () => {
    const results = sarif(edgeReport()).runs[0]!.results!;
    expect(results.map((result) => result.level)).toEqual(["error", "warning", "note"]);
    expect(results[1]?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(results[2]?.message.text).toBe("Line one\r\nline two \u001b[31mred");
    const odd = { ...edgeReport(), findings: [{ ...edgeReport().findings[0]!, file: "locales/fr/C# & co/50% ?.md" }] };
    expect(sarif(odd).runs[0]!.results![0]!.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("locales/fr/C%23%20%26%20co/50%25%20%3F.md");
    const fingerprints = results.map((result) => result.partialFingerprints?.["l10nDrift/v2"]);
    expect(new Set(fingerprints).size).toBe(3);
  });

  it("fingerprints a finding by what it is about, not by its line", () => {
    const report = edgeReport();
    const moved = { ...report, findings: report.findings.map((finding) => ({ ...finding, line: (finding.line ?? 1) + 10 })) };
    const print = (log: Sarif.Log) => log.runs[0]!.results!.map((result) => result.partialFingerprints);
    expect(print(sarif(moved))).toEqual(print(sarif(report)));
  });
});
