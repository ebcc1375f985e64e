import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
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

/** Each translation's state, and whether it is also outdated, as `locale state[+outdated]`. */
function states(report: Report): string[] {
  return report.articles.flatMap((article) => article.translations.map((translation) => `${translation.locale} ${translation.state}${translation.outdated ? "+outdated" : ""}`));
}

/** A configuration file outside the example (the example is never written to), passed with `--config`. */
async function configFile(config: unknown): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-config-")), "l10n-drift.config.json");
  await writeFile(file, JSON.stringify(config));
  return file;
}

/** Findings about the documents; the one line about history depends on how this project was cloned. */
function brief(report: Report): string[] {
  return report.findings.filter((finding) => finding.ruleId !== "history-unavailable").map((finding) => `${finding.ruleId} ${finding.locale} ${finding.file}:${finding.line} ${finding.anchor ?? ""}`.trim());
}

describe("the bundled ExpressRoute example, through the built CLI", () => {
  // de, sv and nl carry an older `ms.date` and lack the source's newer Direct section: outdated
  // work, not a failure. zh is as new as its source and has a link the source lacks: a translator's
  // error, but a warning, below the default `--fail-on error`. So the default check passes.
  it("finds the missing Direct section and the stale date in de, sv and nl, and a link and machine translation in zh; passes by default", async () => {
    const result = await cli("check", "--format", "json");
    expect(result.code).toBe(0);
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
    // Without history the date decides: the stale date is upstream, and the findings of unknown
    // cause on a date-stale translation count as upstream too.
    expect(report.findings.filter((finding) => finding.locale === "de").map((finding) => `${finding.ruleId} ${finding.severity} ${finding.cause}`)).toEqual([
      "stale-date warning upstream",
      "link-drift warning unknown",
      "missing-section error unknown",
    ]);
    expect(states(report)).toEqual(["de outdated", "nl outdated", "sv outdated", "zh broken"]);
    const zh = report.articles[0]?.translations.find((translation) => translation.locale === "zh");
    const zhLink = report.findings.find((finding) => finding.ruleId === "link-drift" && finding.locale === "zh");
    expect(zhLink).toMatchObject({ severity: "warning", cause: "unknown", line: 33, column: 42 });
    // The machine translation is info: it never breaks a translation.
    expect(zh?.reasons).toEqual([zhLink?.fingerprint]);
    const de = report.articles[0]?.translations.find((translation) => translation.locale === "de");
    expect(de?.reasons).toEqual(report.findings.filter((finding) => finding.locale === "de").map((finding) => finding.fingerprint).sort());
    expect(de?.work).toEqual({
      method: "date",
      added: [],
      changed: [],
      removed: [],
      frontMatter: [],
      includes: [],
      outdatedSince: "2020-10-07",
      review: [
        { anchor: "expressroute-connectivity-models", title: "expressroute-connectivity-models" },
        { anchor: "Direct", title: "Direct from ExpressRoute sites" },
      ],
    });
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
    expect(report.summary.states).toEqual({ broken: 1, outdated: 3, missing: 0, unreadable: 0, untracked: 0, current: 0 });
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

  it("passes for zh alone, broken by a warning, and fails with --fail-on warning", async () => {
    const result = await cli("check", "--locale", "zh");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["locale  current  outdated  broken  missing  sections", "zh            0         0       1        0      100%"]);
    // Broken by a warning only, so the check passes at the default `--fail-on error`: no ✖.
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("⚠ 1 broken, 0 outdated, 0 missing of 1 translation; 3 findings (0 errors, 1 warning, 2 info) in 1 article × 1 locale");
    expect(result.stdout).toContain("history-unavailable");
    const strict = await cli("check", "--locale", "zh", "--fail-on", "warning");
    expect(strict.code).toBe(1);
    // The same text, with the mark of a failing check.
    expect(strict.stdout).toBe(result.stdout.replace("⚠ 1 broken", "✖ 1 broken"));
  });

  it("passes for de alone, outdated, by folder name or BCP 47 code, even with --fail-on warning", async () => {
    for (const locale of ["de", "de-DE"]) {
      const result = await cli("check", "--locale", locale, "--format", "json", "--fail-on", "warning");
      expect(result.code, locale).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      // Besides the one run-level line about history, in the source locale.
      expect(new Set(report.findings.map((finding) => finding.locale))).toEqual(new Set(["de", "en"]));
      expect(brief(report)).toEqual([
        `stale-date de locales/de/${ARTICLE}:8`,
        `link-drift de locales/de/${ARTICLE}:18 expressroute-connectivity-models`,
        `missing-section de locales/de/${ARTICLE}:33 Direct`,
      ]);
      expect(states(report)).toEqual(["de outdated"]);
    }
  });

  it("fails on outdated translations where the configuration's failOn.states says so, in its locales only", async () => {
    const config = await configFile({ failOn: { states: ["outdated"], locales: ["de"] } });
    expect((await cli("check", "--config", config, "--locale", "de")).code).toBe(1);
    expect((await cli("check", "--config", config, "--locale", "sv")).code).toBe(0);
    // zh is broken, not outdated, and its error is a warning: the states do not make it fail.
    expect((await cli("check", "--config", config, "--locale", "zh")).code).toBe(0);
    const everywhere = await configFile({ failOn: { states: ["outdated"] } });
    expect((await cli("check", "--config", everywhere, "--locale", "sv")).code).toBe(1);
  });

  it("prints the states, the broken translation's clickable places and the outdated one's work", async () => {
    const result = await cli("check");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "locale  current  outdated  broken  missing  sections",
      "de            0         1       0        0     83.3%",
      "nl            0         1       0        0     83.3%",
      "sv            0         1       0        0     83.3%",
      "zh            0         0       1        0      100%",
    ]);
    const broken = lines.indexOf("Broken (1): translation errors to fix");
    expect(lines.slice(broken, broken + 4)).toEqual([
      "Broken (1): translation errors to fix",
      `  zh  locales/zh/${ARTICLE}`,
      `    locales/zh/${ARTICLE}:33:42  warning  The link to \`expressroute-erdirect-about.md\` in \`直接从 ExpressRoute 站点\` (\`#direct-from-expressroute-sites\`) is not in the source's section; expected the source's link targets.  link-drift`,
      "",
    ]);
    const outdated = lines.indexOf("Outdated (3): the source changed since they were translated");
    expect(outdated).toBeGreaterThan(broken);
    expect(lines.slice(outdated + 1, outdated + 5)).toEqual([
      `  de  locales/de/${ARTICLE}  older than the source since 2020-10-07: review \`#expressroute-connectivity-models\`, \`#Direct\``,
      // Swedish and Dutch also keep the older `ms.topic`.
      ...["nl", "sv"].map((locale) => `  ${locale}  locales/${locale}/${ARTICLE}  older than the source since 2020-10-07: review \`#expressroute-connectivity-models\`, \`#Direct\`; values \`ms.topic\` \`get-started-article\` → \`conceptual\``),
      "",
    ]);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("⚠ 1 broken, 3 outdated, 0 missing of 4 translations; 16 findings (3 errors, 9 warnings, 4 info) in 1 article × 4 locales");
  });

  it("exits 1 with --fail-on warning, 0 with never, and 2 for an unknown locale, without a stack trace", async () => {
    expect((await cli("check", "--fail-on", "warning")).code).toBe(1);
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
