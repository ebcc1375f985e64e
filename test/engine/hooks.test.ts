import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { PRESETS } from "../../src/config/presets/index.js";
import { runHook } from "../../src/engine/hooks.js";
import { activateRules } from "../../src/engine/rule-settings.js";
import { check, DriftError, type Finding } from "../../src/index.js";
import { fingerprintV1 } from "../../src/model/finding.js";
import type { FindingDraft } from "../../src/model/finding.js";
import type { AnyRule } from "../../src/model/rule.js";
import { applyBaseline, createBaseline, parseBaseline } from "../../src/report/suppressions.js";
import { makeTree, writeTree } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";

const KEYS = PRESETS.default.keys;

function testRule(messages: Record<string, string>, drafts: FindingDraft[]): AnyRule {
  return { id: "test-rule", description: "A test rule.", rationale: "", severity: "warning", messages, options: {}, optionsSchema: {}, examples: { bad: {}, good: {} }, checkRun: () => drafts };
}

function run(rule: AnyRule, lines = 3): Finding[] {
  const [active] = activateRules([rule], {}, KEYS);
  return runHook(active!, "a.md", { locale: "de", article: "a.md", files: [{ file: "a.md", lines }] }, () => rule.checkRun!({ sourceDir: "", history: {} as never }, { options: {}, sourceLocale: "en", keys: KEYS }));
}

const DRAFT: FindingDraft = { messageId: "m", file: "a.md", line: 2, column: 1, anchor: "x", key: "k", cause: "translation", data: { what: "it" } };

describe("finding identity", () => {
  it("does not change when the message is reworded", () => {
    const [before] = run(testRule({ m: "Section {what} is missing." }, [DRAFT]));
    const [after] = run(testRule({ m: "The section {what} is not there; add it." }, [DRAFT]));
    expect(after!.message).not.toBe(before!.message);
    expect(after!.fingerprint).toBe(before!.fingerprint);
    const [otherKey] = run(testRule({ m: "Section {what} is missing." }, [{ ...DRAFT, key: "other" }]));
    expect(otherKey!.fingerprint).not.toBe(before!.fingerprint);
  });

  it("does not change when the source line a code-drift message quotes moves", async () => {
    const translation = "# Anleitung\n\n## Create\n\n```sh\nnew-circuit --bandwidth 50\n```\n";
    const fingerprints: string[] = [];
    for (const source of ["# Guide\n\n## Create\n\n```sh\nnew-circuit --bandwidth 200\n```\n", "# Guide\n\n## Create\n\nFirst a paragraph.\n\nAnd another.\n\n```sh\nnew-circuit --bandwidth 200\n```\n"]) {
      const root = await makeTree({ "articles/a.md": source, "locales/de/a.md": translation });
      const [finding] = (await check({ root })).findings.filter((each) => each.ruleId === "code-drift");
      expect(finding).toMatchObject({ messageId: "changed", cause: "unknown" });
      fingerprints.push(finding!.fingerprint);
    }
    expect(fingerprints[1]).toBe(fingerprints[0]);
  });

  it("does not change when the source gets one more upstream commit", async () => {
    const repo = await makeRepo();
    await repo.commit("Source", { "articles/a.md": "# Guide\n\n## Ports\n\nOpen port 80.\n" });
    await repo.commit("Translate", { "locales/de/a.md": "# Anleitung\n\n## Ports\n\nPort 80 öffnen.\n" });
    await repo.commit("Port 443", { "articles/a.md": "# Guide\n\n## Ports\n\nOpen port 443.\n" });
    const stale = async () => (await check({ root: repo.root })).findings.find((finding) => finding.ruleId === "stale-source")!;
    const first = await stale();
    await repo.commit("Port 8443", { "articles/a.md": "# Guide\n\n## Ports\n\nOpen port 8443.\n" });
    const second = await stale();
    expect(first.message).toContain("1 commit and");
    expect(second.message).toContain("2 commits and");
    expect(second).toMatchObject({ messageId: "behind", key: "behind", cause: "upstream" });
    expect(second.fingerprint).toBe(first.fingerprint);
  });
});

describe("suppressions files", () => {
  async function treeWithDrift(): Promise<string> {
    return makeTree({ "articles/a.md": "# Guide\n\n## <a name=\"x\"></a>X\n\nText.\n", "locales/de/a.md": "# Anleitung\n" });
  }

  it("are written as schema version 2 with the v2 identity", async () => {
    const report = await check({ root: await treeWithDrift(), history: false });
    const file = createBaseline(report);
    expect(file.schemaVersion).toBe(2);
    expect(file.findings).toEqual([
      { fingerprint: report.findings[0]!.fingerprint, ruleId: "missing-section", messageId: "missing-after", locale: "de", article: "a.md", anchor: "x", key: "x", file: "locales/de/a.md", line: 2 },
    ]);
  });

  it("of schema version 1 are still matched, by the v1 digest, with a one-line notice", async () => {
    const report = await check({ root: await treeWithDrift(), history: false });
    const v1 = { schemaVersion: 1, findings: report.findings.map((finding) => ({ fingerprint: fingerprintV1(finding), ruleId: finding.ruleId, locale: finding.locale, article: finding.article, anchor: finding.anchor, message: finding.message })) };
    const applied = applyBaseline(report, parseBaseline(JSON.stringify(v1), "old.json"), "old.json");
    expect(applied.findings.map((finding) => finding.suppression)).toEqual(["known"]);
    expect(applied.suppressions.notice).toBe(
      "`old.json` is a schema version 1 file of known findings, matched by message; record it again with `l10n-drift suppress` so that rewording or a moved line cannot make a known finding new",
    );
  });

  it("of schema version 1 make check print the notice on stderr, not fail", async () => {
    const root = await treeWithDrift();
    const report = await check({ root });
    const v1 = { schemaVersion: 1, findings: report.findings.map((finding) => ({ fingerprint: fingerprintV1(finding), ruleId: finding.ruleId, locale: finding.locale, article: finding.article, message: finding.message, anchor: finding.anchor })) };
    await writeTree(root, { ".l10n-drift-baseline.json": JSON.stringify(v1) });
    let stderr = "";
    const code = await main(["check", "--root", root, "--baseline", "--format", "json"], { stdout: () => undefined, stderr: (text) => void (stderr += text), env: {}, stdoutIsTty: false, cwd: root });
    expect(code).toBe(0);
    expect(stderr).toBe(
      "l10n-drift: `.l10n-drift-baseline.json` is a schema version 1 file of known findings, matched by message; record it again with `l10n-drift suppress` so that rewording or a moved line cannot make a known finding new\n",
    );
  });
});

describe("the hook runner", () => {
  it.each([
    [{ ...DRAFT, line: 4 }, "line 4 is not a line of `a.md` (1–3)"],
    [{ ...DRAFT, column: 0 }, "column 0 is not 1 or more"],
    [{ ...DRAFT, messageId: "nope" }, "unknown messageId `nope`"],
    [{ ...DRAFT, file: "b.md" }, "`b.md` is not a file being checked"],
    [{ ...DRAFT, messageId: "two-lines" }, "messageId `two-lines` renders to more than one line"],
    [{ ...DRAFT, data: {} }, "messageId `m`: placeholder `{what}` has no value"],
    [{ ...DRAFT, cause: "someone" as never }, "cause `someone` is not one of translation, upstream, unknown"],
  ])("refuses a broken draft as the rule's failure: %j", (draft, reason) => {
    const call = () => run(testRule({ m: "Section {what} is missing.", "two-lines": "Section {what}\nis missing." }, [draft]));
    expect(call).toThrow(DriftError);
    expect(call).toThrow(`rule \`test-rule\` failed on \`a.md\`: returned an invalid finding: ${reason}`);
    try {
      call();
    } catch (error) {
      expect((error as DriftError).code).toBe("RULE_FAILED");
    }
  });

  it("renders a line break of a value (a hostile file name) as a space: a message is one line", () => {
    const [finding] = run(testRule({ m: "Section {what} is missing." }, [{ ...DRAFT, data: { what: "two\r\nlines" } }]));
    expect(finding!.message).toBe("Section two lines is missing.");
  });

  it("keeps 100 findings per rule and file, then one that says how many more", async () => {
    const root = await makeTree({ "articles/a.md": `# Guide\n\n${"\u0001".repeat(110_000)}\n`, "locales/de/a.md": "# Anleitung\n" });
    const findings = (await check({ root })).findings.filter((finding) => finding.ruleId === "encoding");
    expect(findings).toHaveLength(101);
    expect(findings.slice(0, 100).every((finding) => finding.messageId === "control-character")).toBe(true);
    expect(findings[100]).toMatchObject({
      ruleId: "encoding",
      messageId: "more-findings",
      severity: "warning",
      cause: "upstream",
      file: "articles/a.md",
      line: 3,
      column: 101,
      key: "more-findings",
      message: "And 109900 more `encoding` findings in this file, not listed; fix the ones above and check again.",
    });
  });
});

describe("severity per message", () => {
  const tree = () => makeTree({ "articles/a.md": "# Guide\n\n## Create\n\n```sh\n# create it\nnew-circuit\n```\n", "locales/de/a.md": "# Anleitung\n\n## Create\n\n```sh\n# erstellen\nnew-circuit\n```\n" });
  const levels = async (setting: unknown) =>
    (await check({ root: await tree(), config: { rules: { "code-drift": setting as never } } })).findings.filter((finding) => finding.ruleId === "code-drift").map((finding) => [finding.messageId, finding.severity]);

  it("writing the rule's default level keeps a message whose default is another", async () => {
    expect(await levels("warning")).toEqual([["comments-only", "info"]]);
    expect(await levels("error")).toEqual([["comments-only", "info"]]);
  });

  it("sets one message's level with the severity option", async () => {
    expect(await levels(["warning", { severity: { "comments-only": "warning" } }])).toEqual([["comments-only", "warning"]]);
    expect(await levels(["warning", { severity: { "comments-only": "off" } }])).toEqual([]);
  });
});

describe("layout keys", () => {
  it("history-unavailable on a hugo tree names the hugo keys and no `ms.` key", async () => {
    const root = await makeTree({ "content/en/a.md": "# Guide\n", "content/de/a.md": "# Anleitung\n", "l10n-drift.config.json": JSON.stringify({ preset: "hugo" }) });
    const [finding] = (await check({ root })).findings.filter((each) => each.ruleId === "history-unavailable");
    expect(finding!.message).toBe(
      "1 translation (such as `content/de/a.md`) falls back to `lastmod`: the tree is not in a git repository; run in a git clone (this layout has no source hash pin key: set `keys.sourceHash`).",
    );
    expect(finding!.message).not.toContain("ms.");
  });
});
