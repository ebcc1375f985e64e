import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, useColor, type CliIo } from "../src/cli.js";
import { REPO_ROOT } from "./support/fixtures.js";

function memoryIo(cwd = REPO_ROOT, env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", env, stdoutIsTty: false, cwd, stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
  return io;
}

describe("main", () => {
  it("exits 2 with one line for bad arguments", async () => {
    const io = memoryIo();
    expect(await main(["check", "--format", "xml"], io)).toBe(2);
    expect(io.err).toBe("l10n-drift: USAGE option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n");
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

  it("writes --output atomically and the summary to stderr", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "l10n-drift-cli-"));
    const io = memoryIo();
    expect(await main(["check", "--format", "json", "--output", path.join(out, "drift.json")], io)).toBe(1);
    expect(io.out).toBe("");
    expect(io.err).toBe("✖ 7 findings (3 errors, 3 warnings, 1 info) in 1 article × 4 locales\n");
    expect(JSON.parse(await readFile(path.join(out, "drift.json"), "utf8")).findings).toHaveLength(7);
  });

  it("keeps the committed reports of the bundled example up to date", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "l10n-drift-reports-"));
    expect(await main(["report", "--out", out], memoryIo())).toBe(0);
    for (const name of ["drift.json", "drift.md"]) {
      const generated = withoutHistoryNote(await readFile(path.join(out, name), "utf8"));
      expect(generated, `reports/${name} is out of date: run npm start`).toBe(withoutHistoryNote(await readFile(path.join(REPO_ROOT, "reports", name), "utf8")));
    }
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
  const report = JSON.parse(text) as { findings: Array<{ ruleId: string; message: string; data?: unknown }> };
  for (const finding of report.findings) {
    if (finding.ruleId !== "history-unavailable") continue;
    finding.message = "…";
    delete finding.data;
  }
  return JSON.stringify(report, null, 2);
}
