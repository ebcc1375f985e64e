import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { check } from "../../src/index.js";
import { makeRepo } from "../support/git.js";

/** The CLI in this process, without colour; its output and exit code. */
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (out += text), env: { NO_COLOR: "1" }, stdoutIsTty: false, cwd };
  const code = await main(args, io);
  return { code, out };
}

const CONFIG = JSON.stringify({ preset: "hugo" });

function page(vers: string, linkTitle: string, body: string): string {
  return `---\ntitle: Collector\nlinkTitle: ${linkTitle}\nweight: 10\ncascade:\n  vers: ${vers}\n---\n\n# Collector\n\n${body}\n`;
}

describe("front matter in the work list", () => {
  it("a version bump in Hugo's cascade and a changed linkTitle are outdated work, shown with the old and new value", async () => {
    const repo = await makeRepo();
    await repo.commit("Add the collector page", { "l10n-drift.config.json": CONFIG, "content/en/docs/collector/_index.md": page("0.147.0", "Collector", "Install version {{< param vers >}}.") });
    await repo.commit("Translate it", { "content/de/docs/collector/_index.md": page("0.147.0", "Collector", "Installieren Sie Version {{< param vers >}}.") });
    // English bumps the version and renames the menu entry; the weight change is no translation work.
    await repo.commit("Collector 0.158.0", { "content/en/docs/collector/_index.md": page("0.158.0", "OpenTelemetry Collector", "Install version {{< param vers >}}.").replace("weight: 10", "weight: 20") });

    const report = await check({ root: repo.root });
    const translation = report.articles[0]!.translations[0]!;
    expect(translation.state).toBe("outdated");
    expect(translation.work?.values).toEqual([{ key: "cascade.vers", value: "0.147.0", expected: "0.158.0" }]);
    expect(translation.work?.frontMatter).toEqual(["linkTitle"]);
    expect(report.findings.filter((finding) => finding.ruleId === "metadata-drift").map((finding) => [finding.cause, finding.line, finding.message])).toEqual([
      ["upstream", 5, "`cascade.vers` is `0.147.0`; expected `0.158.0`, as in the source."],
    ]);

    const diff = await cli(repo.root, "diff", "docs/collector/_index.md");
    expect(diff.code).toBe(0);
    expect(diff.out.split("\n").slice(2)).toEqual([
      "  changed  front matter `linkTitle`: `Collector` → `OpenTelemetry Collector`",
      "  value    `cascade.vers` is `0.147.0`; copy the source's `0.158.0`",
      "",
    ]);
    const text = await cli(repo.root, "check");
    expect(text.code).toBe(0);
    expect(text.out).toContain("  de  content/de/docs/collector/_index.md  1 commit (6 lines) behind since 2024-01-04: front matter `linkTitle`; values `cascade.vers` `0.147.0` → `0.158.0`\n");
  });

  it("a version bump alone names only the value", async () => {
    const repo = await makeRepo();
    await repo.commit("Add", { "l10n-drift.config.json": CONFIG, "content/en/docs/collector/_index.md": page("0.147.0", "Collector", "Text.") });
    await repo.commit("Translate it", { "content/de/docs/collector/_index.md": page("0.147.0", "Collector", "Text (de).") });
    await repo.commit("Collector 0.158.0", { "content/en/docs/collector/_index.md": page("0.158.0", "Collector", "Text.") });
    const text = await cli(repo.root, "check");
    expect(text.out).toContain("  de  content/de/docs/collector/_index.md  values to update: `cascade.vers` `0.147.0` → `0.158.0`\n");
  });
});
