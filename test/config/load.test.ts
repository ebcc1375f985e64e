import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { configSchema } from "../../src/config/schema.js";
import { check, DriftError, RULES } from "../../src/index.js";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";

async function configError(config: string): Promise<string> {
  const root = await makeTree({ "articles/a.md": "# A\n", "l10n-drift.config.json": config });
  try {
    await check({ root });
  } catch (error) {
    expect(error).toBeInstanceOf(DriftError);
    return `${(error as DriftError).code} ${(error as DriftError).message}`;
  }
  throw new Error("expected a configuration error");
}

describe("configuration", () => {
  it("reports every schema error at once, with its path and what was expected", async () => {
    const message = await configError(JSON.stringify({ preset: "jekyll", rules: { "stale-date": "fatal", "no-such-rule": "off" }, colour: true }));
    expect(message).toBe(
      'CONFIG_INVALID l10n-drift.config.json: (top level): unknown property `colour`; /preset: must be one of "default", "docusaurus", "hugo", "mdn", "separate-repos", "starlight", "vitepress"; /rules: unknown rule `no-such-rule`; /rules/stale-date: must be one of "off", "info", "warning", "error"',
    );
  });

  it("refuses an unknown option of a rule and a wrong type, all at once with their paths", async () => {
    const message = await configError(JSON.stringify({ rules: { "stale-date": ["warning", { dateKye: "x" }], "locale-mismatch": ["warning", { localeKey: 5 }] } }));
    expect(message).toBe("CONFIG_INVALID l10n-drift.config.json: /rules/locale-mismatch/1/localeKey: must be string; /rules/stale-date/1: unknown property `dateKye`");
  });

  it("refuses a wrong-typed value for each option of every rule that has options", async () => {
    const wrong: Record<string, unknown> = { string: 5, array: "x", boolean: "yes", integer: "many", number: "many" };
    const withOptions = RULES.filter((rule) => Object.keys(rule.optionsSchema).length > 0);
    expect(withOptions.map((rule) => rule.id)).toEqual(["code-drift", "link-drift", "locale-mismatch", "machine-translated", "metadata-drift", "stale-date", "untranslated"]);
    for (const rule of withOptions) {
      for (const [name, schema] of Object.entries(rule.optionsSchema)) {
        const message = await configError(JSON.stringify({ rules: { [rule.id]: ["warning", { [name]: wrong[String(schema.type)] }] } }));
        expect(message).toBe(`CONFIG_INVALID l10n-drift.config.json: /rules/${rule.id}/1/${name}: must be ${String(schema.type)}`);
      }
    }
  });

  it("refuses a level for a messageId the rule does not have", async () => {
    const message = await configError(JSON.stringify({ rules: { "code-drift": ["warning", { severity: { "comment-only": "warning" } }] } }));
    expect(message).toBe("CONFIG_INVALID l10n-drift.config.json: /rules/code-drift/1/severity: unknown property `comment-only`");
  });

  it("takes `locales` as an array of names or an object, and says what else is wrong with it", async () => {
    expect(await configError(JSON.stringify({ locales: "de" }))).toBe("CONFIG_INVALID l10n-drift.config.json: /locales: must be array, or must be object");
    expect(await configError(JSON.stringify({ locales: ["de", "de"] }))).toBe(
      "CONFIG_INVALID l10n-drift.config.json: /locales: must NOT have duplicate items (items ## 1 and 0 are identical), or must be object",
    );
    expect(await configError(JSON.stringify({ locales: { de: 5 } }))).toBe("CONFIG_INVALID l10n-drift.config.json: /locales: must be array; /locales/de: must be string, or must be object");
  });

  it("names the line and column of invalid JSON", async () => {
    expect(await configError('{\n  "preset": "hugo",\n}\n')).toMatch(/^CONFIG_INVALID l10n-drift\.config\.json:3:1: not valid JSON/);
  });

  it("applies per-rule levels and options", async () => {
    const root = await makeTree({
      "articles/a.md": "---\nupdated: 2024-05-01\n---\n# A\n## B\n",
      "locales/de/a.md": "---\nupdated: 2020-01-01\n---\n# A\n",
      "l10n-drift.config.json": JSON.stringify({ rules: { "missing-section": "off", "stale-date": ["error", { dateKey: "updated" }] } }),
    });
    const report = await check({ root, history: false });
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity, finding.line])).toEqual([["stale-date", "error", 2]]);
  });

  it("exits 2 from the CLI with one line", async () => {
    const root = await makeTree({ "articles/a.md": "# A\n", "l10n-drift.config.json": '{"include": []}' });
    let stderr = "";
    const code = await main(["check", "--root", root], { stdout: () => undefined, stderr: (text) => void (stderr += text), env: {}, stdoutIsTty: false, cwd: root });
    expect(code).toBe(2);
    expect(stderr).toBe("l10n-drift: CONFIG_INVALID l10n-drift.config.json: /include: must NOT have fewer than 1 items\n");
  });

  it("ships the JSON Schema for editors, generated from the validator's schema", async () => {
    const shipped = JSON.parse(await readFile(path.join(REPO_ROOT, "schema/config.schema.json"), "utf8"));
    expect(shipped, "schema/config.schema.json is out of date: run npm run schema").toEqual(configSchema(RULES));
  });
});

describe("init", () => {
  it("writes a starter configuration with the detected preset, says what it found, and never overwrites one", async () => {
    const root = await makeTree({ "content/en/docs/a.md": "# A\n", "content/en/docs/b.md": "# B\n", "content/de/docs/a.md": "# A\n" });
    const io = { out: "", err: "" };
    const cli = { stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text), env: {}, stdoutIsTty: false, cwd: root };
    expect(await main(["init"], cli)).toBe(0);
    expect(io.out).toBe(
      [
        "Layout: hugo (`content/en/` beside other `content/<lang>/` folders)",
        "Sources: content/en/ (en), 2 pages",
        "Locales: 1 (folders), pages each: de 1",
        "Wrote l10n-drift.config.json",
        "Next: `l10n-drift check` (the verdict per locale), then `l10n-drift status` (each locale's work)",
        "",
      ].join("\n"),
    );
    // `$schema` is this installation's schema, relative to the file written.
    const schema = path.relative(root, path.join(REPO_ROOT, "schema/config.schema.json")).split(path.sep).join("/");
    expect(JSON.parse(await readFile(path.join(root, "l10n-drift.config.json"), "utf8"))).toEqual({ $schema: schema, preset: "hugo", rules: {} });
    expect(await main(["init"], cli)).toBe(2);
    expect(io.err).toBe("l10n-drift: USAGE l10n-drift.config.json exists already; use --force to replace it\n");
    expect((await check({ root })).summary.locales).toBe(1);
  });

  it("from another directory, names --root and --config in the next command; finds VitePress in a docs folder", async () => {
    const parent = await makeTree({
      "site/docs/.vitepress/config.js": "export default { locales: { root: { label: 'English' }, ja: { label: '日本語' } } }\n",
      "site/docs/index.md": "# Home\n",
      "site/docs/ja/index.md": "# ホーム\n",
    });
    let out = "";
    const cli = { stdout: (text: string) => void (out += text), stderr: () => undefined, env: {}, stdoutIsTty: false, cwd: parent };
    expect(await main(["init", "--root", "site", "--config", "site/drift config.json"], cli)).toBe(0);
    expect(out.split("\n").slice(0, 3)).toEqual(["Layout: vitepress (`docs/.vitepress/`)", "Sources: docs/ (en), 1 page", "Locales: 1 (listed in `docs/.vitepress/config.js`), pages each: ja 1"]);
    expect(out.split("\n").slice(-2)).toEqual(["Next: `l10n-drift check --root site --config 'site/drift config.json'` (the verdict per locale), then `l10n-drift status --root site --config 'site/drift config.json'` (each locale's work)", ""]);
  });

  it("prints a locale folder's control characters visibly", async () => {
    const root = await makeTree({ "articles/a.md": "# A\n", "locales/de\u001b[2J/a.md": "# A\n" });
    let out = "";
    const cli = { stdout: (text: string) => void (out += text), stderr: () => undefined, env: {}, stdoutIsTty: false, cwd: root };
    expect(await main(["init"], cli)).toBe(0);
    expect(out.split("\n")[2]).toBe("Locales: 1 (folders), pages each: de\\u{1b}[2J 1");
  });

  it("recognises Starlight from a Lunaria configuration alone, and notes it", async () => {
    const lunaria = { defaultLocale: { label: "English", lang: "en" }, locales: [{ label: "Français", lang: "fr" }], files: [{ location: "src/content/docs/**/*.{md,mdx}", pattern: "src/content/docs/@lang/@path", type: "universal" }] };
    const root = await makeTree({ "lunaria.config.json": JSON.stringify(lunaria), "src/content/docs/index.mdx": "# Home\n", "src/content/docs/fr/index.mdx": "# Accueil\n" });
    let out = "";
    const cli = { stdout: (text: string) => void (out += text), stderr: () => undefined, env: {}, stdoutIsTty: false, cwd: root };
    expect(await main(["init"], cli)).toBe(0);
    expect(out.split("\n").slice(0, 4)).toEqual([
      "Layout: starlight (`lunaria.config.json` and `src/content/docs/`)",
      "Sources: src/content/docs/ (en), 1 page",
      "Locales: 1 (configured), pages each: fr 1",
      "Note: imported from `lunaria.config.json`: 1 locale, 2 skip markers",
    ]);
  });
});
