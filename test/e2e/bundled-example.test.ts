import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/index.js";
import { REPO_ROOT } from "../support/fixtures.js";

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");
const ARTICLE = "expressroute/expressroute-connectivity-models.md";

/** Runs the built CLI on the bundled example; resolves with the exit code instead of throwing. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** Findings about the documents; the one line about history depends on how this project was cloned. */
function brief(report: Report): string[] {
  return report.findings.filter((finding) => finding.ruleId !== "history-unavailable").map((finding) => `${finding.ruleId} ${finding.locale} ${finding.file}:${finding.line} ${finding.anchor ?? ""}`.trim());
}

describe("the bundled ExpressRoute example, through the built CLI", () => {
  it("finds the missing Direct section and the stale date in de, sv and nl, and a link and machine translation in zh", async () => {
    const result = await cli("check", "--format", "json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(brief(report)).toEqual([
      `stale-date de locales/de/${ARTICLE}:8`,
      `link-drift de locales/de/${ARTICLE}:18 expressroute-connectivity-models`,
      `missing-section de locales/de/${ARTICLE}:33 Direct`,
      `metadata-drift nl locales/nl/${ARTICLE}:12`,
      `stale-date nl locales/nl/${ARTICLE}:15`,
      `machine-translated nl locales/nl/${ARTICLE}:19`,
      `link-drift nl locales/nl/${ARTICLE}:23 expressroute-connectivity-models`,
      `missing-section nl locales/nl/${ARTICLE}:38 Direct`,
      `metadata-drift sv locales/sv/${ARTICLE}:12`,
      `stale-date sv locales/sv/${ARTICLE}:15`,
      `machine-translated sv locales/sv/${ARTICLE}:19`,
      `link-drift sv locales/sv/${ARTICLE}:23 expressroute-connectivity-models`,
      `missing-section sv locales/sv/${ARTICLE}:38 Direct`,
      `machine-translated zh locales/zh/${ARTICLE}:12`,
      `link-drift zh locales/zh/${ARTICLE}:33 direct-from-expressroute-sites`,
    ]);
    const missing = report.findings.find((finding) => finding.ruleId === "missing-section" && finding.locale === "de");
    expect(missing?.message).toBe(
      "Section `Direct from ExpressRoute sites` (`#Direct`) is missing; add it after `Any-to-Any-Netzwerke (IPVPN)` (`#IPVPN`), as in the source.",
    );
    expect(missing?.related).toEqual([{ file: `articles/${ARTICLE}`, line: 27, column: 1, message: "The section in the source." }]);
    const stale = report.findings.find((finding) => finding.ruleId === "stale-date" && finding.locale === "de");
    expect(stale?.message).toBe("`ms.date` is 2018-12-06, older than the source's 2020-10-07: the source changed after this translation.");
    // No history tells which source version these translations were made from: said once.
    expect(report.findings.filter((finding) => finding.ruleId === "history-unavailable").map((finding) => [finding.severity, finding.locale, finding.file])).toEqual([["info", "en", "articles"]]);
    expect(report.summary.counts).toEqual({ error: 3, warning: 9, info: 4 });
    expect(report.summary.byLocale.zh?.coveragePercent).toBe(100);
    expect(report.summary.byLocale.de?.coveragePercent).toBe(83.3);
  });

  it("aligns the zh seed's double anchors and the untagged English H1 and Next steps", async () => {
    const report = JSON.parse((await cli("check", "--format", "json", "--locale", "zh")).stdout) as Report;
    const zh = report.articles[0]?.translations.find((translation) => translation.locale === "zh");
    expect(zh?.rows.map((row) => [row.source, row.translation?.anchor, row.method])).toEqual([
      [0, "expressroute-connectivity-models", "anchor"],
      [1, "co-located-at-a-cloud-exchange", "anchor"],
      [2, "point-to-point-ethernet-connections", "anchor"],
      [3, "any-to-any-ipvpn-networks", "anchor"],
      [4, "direct-from-expressroute-sites", "anchor"],
      [5, "next-steps", "anchor"],
    ]);
  });

  it("passes for zh alone: its one extra link is a warning", async () => {
    const result = await cli("check", "--locale", "zh");
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("⚠ 3 findings (0 errors, 1 warning, 2 info) in 1 article × 1 locale");
    expect(result.stdout).toContain("history-unavailable");
  });

  it("fails for de alone, reporting only de, by folder name or BCP 47 code", async () => {
    for (const locale of ["de", "de-DE"]) {
      const result = await cli("check", "--locale", locale, "--format", "json");
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      // Besides the one run-level line about history, in the source locale.
      expect(new Set(report.findings.map((finding) => finding.locale))).toEqual(new Set(["de", "en"]));
      expect(brief(report).filter((line) => !line.startsWith("history-unavailable"))).toEqual([
        `stale-date de locales/de/${ARTICLE}:8`,
        `link-drift de locales/de/${ARTICLE}:18 expressroute-connectivity-models`,
        `missing-section de locales/de/${ARTICLE}:33 Direct`,
      ]);
    }
  });

  it("prints clickable places grouped by article and locale", async () => {
    const result = await cli("check", "--locale", "de");
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["(whole tree)", "  en"]);
    expect(lines.slice(lines.indexOf(ARTICLE), lines.indexOf(ARTICLE) + 5)).toEqual([
      ARTICLE,
      "  de",
      `    locales/de/${ARTICLE}:8:1  warning  \`ms.date\` is 2018-12-06, older than the source's 2020-10-07: the source changed after this translation.  stale-date`,
      `    locales/de/${ARTICLE}:18:1  warning  \`ExpressRoute-Konnektivitätsmodelle\` (\`#expressroute-connectivity-models\`) has no link to \`#Direct\`; expected one, as in the source.  link-drift`,
      `    locales/de/${ARTICLE}:33:1  error    Section \`Direct from ExpressRoute sites\` (\`#Direct\`) is missing; add it after \`Any-to-Any-Netzwerke (IPVPN)\` (\`#IPVPN\`), as in the source.  missing-section`,
    ]);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 4 findings (1 error, 2 warnings, 1 info) in 1 article × 1 locale");
  });

  it("exits 0 with --fail-on never and 2 for an unknown locale, without a stack trace", async () => {
    expect((await cli("check", "--fail-on", "never")).code).toBe(0);
    const unknown = await cli("check", "--locale", "fr");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("l10n-drift: USAGE unknown locale `fr`; the locales of this tree are: de, nl, sv, zh\n");
  });

  it("gives byte-identical JSON on every run", async () => {
    const first = await cli("check", "--format", "json");
    const second = await cli("check", "--format", "json");
    expect(second.stdout).toBe(first.stdout);
  });
});
