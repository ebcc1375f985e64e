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
    // Without history, the dates say de's sources moved on: its missing section is upstream work, a note.
    const result = run.results!.find((candidate) => candidate.ruleId === "missing-section" && candidate.properties?.locale === "de")!;
    expect(result.level).toBe("note");
    expect(result.properties).toEqual({ locale: "de", article: "expressroute/expressroute-connectivity-models.md", anchor: "Direct", cause: "unknown" });
    // zh is broken: its link-drift keeps its level.
    expect(run.results!.filter((candidate) => candidate.level !== "note").map((candidate) => [candidate.ruleId, candidate.properties?.locale, candidate.level])).toEqual([["link-drift", "zh", "warning"]]);
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

  it("keeps levels for translation errors only, makes upstream work a note with its cause, and points a file-wide finding at line 1", () => {
    const results = sarif(edgeReport()).runs[0]!.results!;
    expect(results.map((result) => [result.ruleId, result.level, result.baselineState, result.properties?.cause])).toEqual([
      ["missing-section", "error", "new", "translation"],
      ["link-drift", "warning", "unchanged", "translation"],
      ["orphan-translation", "note", "unchanged", "upstream"],
      ["stale-source", "note", "new", "upstream"],
    ]);
    expect(results[3]?.properties).toEqual({ locale: "sv", article: "guide/setup.md", cause: "upstream" });
    expect(results[2]?.message.text).toBe("Line one\r\nline two \u001b[31mred");
    expect(results[2]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("locales/fr/old/%3Cb%3Egone%3C/b%3E%20%7C%20%60x%60%20a%3Ab%2Cc%20%250A.md");
    const fileWide = { ...edgeReport(), findings: [{ ...edgeReport().findings[0]!, line: undefined, column: undefined }] };
    expect(sarif(fileWide).runs[0]!.results![0]!.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 1, startColumn: 1 });
    const odd = { ...edgeReport(), findings: [{ ...edgeReport().findings[0]!, file: "locales/fr/C# & co/50% ?.md" }] };
    expect(sarif(odd).runs[0]!.results![0]!.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("locales/fr/C%23%20%26%20co/50%25%20%3F.md");
    const fingerprints = results.map((result) => result.partialFingerprints?.["l10nDrift/v2"]);
    expect(new Set(fingerprints).size).toBe(4);
  });

  it("keeps the level of an error outside any translation (a source file), and makes an upstream one a note", () => {
    // A problem in a source file belongs to no translation and is not upstream: an error to fix.
    const report = edgeReport();
    const source = { ...report.findings[0]!, ruleId: "encoding", locale: "en", file: "articles/guide/setup.md", cause: "translation" as const, fingerprint: "4123456789abcdef0123456789abcdef" };
    const upstreamSource = { ...source, cause: "upstream" as const, severity: "warning" as const, fingerprint: "5123456789abcdef0123456789abcdef" };
    expect(sarif({ ...report, findings: [source, upstreamSource] }).runs[0]!.results!.map((result) => result.level)).toEqual(["error", "note"]);
  });

  it("fingerprints a finding by what it is about, not by its line", () => {
    const report = edgeReport();
    const moved = { ...report, findings: report.findings.map((finding) => ({ ...finding, line: (finding.line ?? 1) + 10 })) };
    const print = (log: Sarif.Log) => log.runs[0]!.results!.map((result) => result.partialFingerprints);
    expect(print(sarif(moved))).toEqual(print(sarif(report)));
  });
});
