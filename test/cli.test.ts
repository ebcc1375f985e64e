import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, useColor, type CliIo } from "../src/cli/main.js";
import type { Report } from "../src/index.js";
import { RULES } from "../src/rules/index.js";
import { formatHtml } from "../src/reporters/html.js";
import { formatSarif } from "../src/reporters/sarif.js";
import { makeTree, REPO_ROOT } from "./support/fixtures.js";

function memoryIo(cwd = REPO_ROOT, env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", env, stdoutIsTty: false, cwd, stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
  return io;
}

describe("main", () => {
  it("exits 2 with one line for bad arguments", async () => {
    const io = memoryIo();
    expect(await main(["check", "--format", "xml"], io)).toBe(2);
    expect(io.err).toBe("l10n-drift: USAGE option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, markdown, sarif, github, html.\n");
    const unknown = memoryIo();
    expect(await main(["chek"], unknown)).toBe(2);
    expect(unknown.err).toMatch(/^l10n-drift: USAGE unknown command 'chek'/);
  });

  it("exits 2 for a root that does not exist, naming it", async () => {
    const io = memoryIo();
    expect(await main(["check", "--root", "no/such/tree"], io)).toBe(2);
    expect(io.err).toBe("l10n-drift: ROOT_UNREADABLE the root `" + path.join(REPO_ROOT, "no/such/tree") + "` does not exist\n");
  });

  it("prints the version and help with exit 0", async () => {
    const version = memoryIo();
    expect(await main(["--version"], version)).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.out).toBe(`${manifest.version}\n`);
    const help = memoryIo();
    expect(await main(["check", "--help"], help)).toBe(0);
    expect(help.out).toContain("--fail-on <severity>");
  });

  it("prints the help with exit 0 when run with no arguments", async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(0);
    expect(io.err).toBe("");
    expect(io.out).toMatch(/^Usage: l10n-drift \[options\] \[command\]\n/);
    expect(io.out).toContain("\n  suppress|known [options]");
  });

  it("writes --output atomically and the summary to stderr", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "l10n-drift-cli-"));
    const io = memoryIo();
    // zh's one translation error is a warning, and de, sv, nl are outdated: the default check passes.
    expect(await main(["check", "--format", "json", "--output", path.join(out, "drift.json")], io)).toBe(0);
    expect(io.out).toBe("");
    expect(io.err).toBe("⚠ 1 broken, 3 outdated, 0 missing of 4 translations; 16 findings (3 errors, 9 warnings, 4 info) in 1 article × 4 locales\n");
    expect(JSON.parse(await readFile(path.join(out, "drift.json"), "utf8")).findings).toHaveLength(16);
  });

  it("keeps the committed reports of the bundled example up to date", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "l10n-drift-reports-"));
    expect(await main(["report", "--out", out], memoryIo())).toBe(0);
    // How history went depends on the clone (full, shallow, none): that note is left out of the
    // comparison, and the formats that repeat it are checked against the committed JSON instead.
    const committed = JSON.parse(await readFile(path.join(REPO_ROOT, "reports/drift.json"), "utf8")) as Report;
    for (const name of ["drift.json", "drift.md"]) {
      const generated = withoutHistoryNote(await readFile(path.join(out, name), "utf8"));
      expect(generated, `reports/${name} is out of date: run npm start`).toBe(withoutHistoryNote(await readFile(path.join(REPO_ROOT, "reports", name), "utf8")));
    }
    expect(await readFile(path.join(out, "status.json"), "utf8"), "reports/status.json is out of date: run npm start").toBe(await readFile(path.join(REPO_ROOT, "reports/status.json"), "utf8"));
    expect(await readFile(path.join(REPO_ROOT, "reports/drift.sarif"), "utf8"), "reports/drift.sarif is out of date: run npm start").toBe(formatSarif(committed, { rules: RULES }));
    expect(await readFile(path.join(REPO_ROOT, "reports/index.html"), "utf8"), "reports/index.html is out of date: run npm start").toBe(formatHtml(committed, { rules: RULES }));
  });
});

describe("check --format", () => {
  it("prints workflow commands in GitHub Actions unless a format is given, for translation errors only", async () => {
    const broken = memoryIo(REPO_ROOT, { GITHUB_ACTIONS: "true" });
    expect(await main(["check", "--locale", "zh", "--fail-on", "warning"], broken)).toBe(1);
    expect(broken.out).toBe(
      "::warning file=locales/zh/expressroute/expressroute-connectivity-models.md,line=33,col=42,title=link-drift (zh)::The link to `expressroute-erdirect-about.md` in `直接从 ExpressRoute 站点` (`#direct-from-expressroute-sites`) is not in the source's section; expected the source's link targets.\n" +
        "⚠ 1 broken, 0 outdated, 0 missing of 1 translation; 3 findings (0 errors, 1 warning, 2 info) in 1 article × 1 locale\n",
    );
    // de is outdated: its missing section, stale date and link are the source's news, not annotations.
    const outdated = memoryIo(REPO_ROOT, { GITHUB_ACTIONS: "true" });
    expect(await main(["check", "--locale", "de"], outdated)).toBe(0);
    expect(outdated.out).toBe("⚠ 0 broken, 1 outdated, 0 missing of 1 translation; 4 findings (1 error, 2 warnings, 1 info) in 1 article × 1 locale\n");
    const text = memoryIo(REPO_ROOT, { GITHUB_ACTIONS: "true" });
    await main(["check", "--locale", "de", "--format", "text", "--no-history"], text);
    expect(text.out.split("\n")[0]).toBe("locale  current  outdated  broken  missing  sections");
  });

  it("prints each format the reporters make", async () => {
    for (const [format, start] of [["markdown", "# Translation drift\n"], ["sarif", "{\n  \"$schema\""], ["html", "<!doctype html>\n"]] as const) {
      const io = memoryIo();
      expect(await main(["check", "--format", format], io)).toBe(0);
      expect(io.out.startsWith(start), format).toBe(true);
    }
  });

  it("draws progress on a terminal's stderr for a run over a second, and erases it", async () => {
    let time = 0;
    // Each clock reading moves time on by 1.1 s, so the one-article run takes over a second.
    const io = { ...memoryIo(), stderrIsTty: true, now: () => (time += 1_100) };
    const errors: string[] = [];
    io.stderr = (text: string) => void errors.push(text);
    expect(await main(["check", "--format", "json"], io)).toBe(0);
    expect(errors).toEqual(["\r\u001b[2K[########################] 5/5 files  1.1s", "\r\u001b[2K"]);
  });

  it("draws no progress when CI is set", async () => {
    let time = 0;
    const io = { ...memoryIo(REPO_ROOT, { CI: "true" }), stderrIsTty: true, now: () => (time += 1_100) };
    const errors: string[] = [];
    io.stderr = (text: string) => void errors.push(text);
    await main(["check", "--format", "json"], io);
    expect(errors).toEqual([]);
  });
});

describe("useColor", () => {
  it("follows NO_COLOR, then FORCE_COLOR, then the terminal", () => {
    expect(useColor({ env: { NO_COLOR: "1", FORCE_COLOR: "1" }, stdoutIsTty: true })).toBe(false);
    expect(useColor({ env: { FORCE_COLOR: "1" }, stdoutIsTty: false })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: "0" }, stdoutIsTty: true })).toBe(false);
    expect(useColor({ env: {}, stdoutIsTty: true })).toBe(true);
    expect(useColor({ env: {}, stdoutIsTty: false })).toBe(false);
  });
});

/**
 * The one `history-unavailable` line depends on how this project was cloned (full, shallow, or a
 * tarball without git), not on the example: its wording and data are left out of the comparison.
 */
function withoutHistoryNote(text: string): string {
  if (!text.startsWith("{")) return text.replace(/^- info: .*\(`history-unavailable`\)$/m, "- info: … (`history-unavailable`)");
  const report = JSON.parse(text) as { run?: { history: unknown }; findings: Array<{ ruleId: string; message: string; data?: unknown }> };
  if (report.run) report.run.history = "…";
  for (const finding of report.findings) {
    if (finding.ruleId !== "history-unavailable") continue;
    finding.message = "…";
    delete finding.data;
    delete (finding as { fingerprint?: string }).fingerprint;
  }
  return JSON.stringify(report, null, 2);
}

describe("common options", () => {
  const COMMON = ["--root <dir>", "--config <file>", "--locale <list>", "--no-history", "--debug"];

  it("every command that reads a tree takes --root, --config, --locale, --no-history and --debug", async () => {
    for (const command of ["check", "report", "suppress", "diff", "status"]) {
      const help = memoryIo();
      expect(await main([command, "--help"], help)).toBe(0);
      for (const option of COMMON) expect(help.out, `${command} ${option}`).toContain(`  ${option} `);
    }
    for (const command of ["init", "rules"]) {
      const help = memoryIo();
      expect(await main([command, "--help"], help)).toBe(0);
      for (const option of ["--root <dir>", "--config <file>", "--debug"]) expect(help.out, `${command} ${option}`).toContain(`  ${option} `);
    }
  });

  it("status and diff honour --locale and --no-history as check does", async () => {
    const status = memoryIo();
    expect(await main(["status", "--locale", "de-DE", "--no-history"], status)).toBe(0);
    expect(status.out).toBe("de  0 broken, 1 outdated, 0 missing, 0 current\n  outdated       2 lines  locales/de/expressroute/expressroute-connectivity-models.md  baseline unknown; 1 section missing, 0 extra\n");
    const diff = memoryIo();
    expect(await main(["diff", "articles/expressroute/expressroute-connectivity-models.md", "--locale", "zh", "--no-history", "--debug"], diff)).toBe(0);
    expect(diff.out).toBe(
      "locales/zh/expressroute/expressroute-connectivity-models.md (zh) ← articles/expressroute/expressroute-connectivity-models.md\n  baseline unknown (no git history): the outlines are compared instead\n  the outline matches the source\n",
    );
  });

  it("rules shows the severities the tree's configuration gives", async () => {
    const root = await makeTree({ "site.json": JSON.stringify({ rules: { "code-drift": "error", "untranslated": "off" } }) });
    const io = memoryIo(root);
    expect(await main(["rules", "--config", "site.json"], io)).toBe(0);
    const lines = io.out.split("\n");
    expect(lines.find((line) => line.startsWith("code-drift "))).toMatch(/^code-drift {13}error {4}/);
    expect(lines.find((line) => line.startsWith("untranslated "))).toMatch(/^untranslated {11}off {6}/);
    expect(lines.find((line) => line.startsWith("encoding "))).toMatch(/^encoding {15}warning {2}/);
  });
});
