import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { makeRepo } from "../support/git.js";

const SOURCE = "---\ntitle: Install\n---\n\n# Install\n\nRun it.\n";
const SOURCE_2 = "---\ntitle: Install\n---\n\n# Install\n\nRun it.\n\n## Verify\n\nCheck it.\n";
// OpenTelemetry's style: a comment, odd quoting, CRLF line endings in one of them.
const JA = "---\r\ntitle: 'インストール'  # translated\r\nweight: 10\r\n---\r\n\r\n# インストール\r\n\r\n実行します。\r\n";
const FR = "# Installer\n\nLancez-le.\n";

function cli(root: string) {
  const io = { out: "", err: "" };
  const run = async (...argv: string[]) => {
    io.out = "";
    io.err = "";
    const code = await main(argv, { stdout: (text) => void (io.out += text), stderr: (text) => void (io.err += text), env: {}, stdoutIsTty: false, cwd: root });
    return { code, out: io.out, err: io.err };
  };
  return run;
}

async function hugoRepo() {
  const repo = await makeRepo();
  const first = await repo.commit("Add the page", { "l10n-drift.config.json": '{ "preset": "hugo" }\n', "content/en/docs/install.md": SOURCE });
  await repo.commit("Translate it", { "content/ja/docs/install.md": JA, "content/fr/docs/install.md": FR });
  const second = await repo.commit("Add a section", { "content/en/docs/install.md": SOURCE_2 });
  return { repo, first, second, read: (file: string) => readFile(path.join(repo.root, file), "utf8") };
}

describe("pin", () => {
  it("writes the commit into the layout's pin key, changing that line only, and says what it did", async () => {
    const { repo, second, read } = await hugoRepo();
    const run = cli(repo.root);
    expect(await run("pin", "--missing")).toEqual({ code: 0, out: "content/fr/docs/install.md\ncontent/ja/docs/install.md\n2 translations have no `default_lang_commit`\n", err: "" });

    expect(await run("pin", "content/ja/docs/install.md", "--dry-run")).toEqual({ code: 0, out: `content/ja/docs/install.md:4  would add    default_lang_commit: ${second}\n`, err: "" });
    expect(await read("content/ja/docs/install.md")).toBe(JA);

    expect(await run("pin", "content/ja/docs/install.md", "content/fr/docs/install.md")).toEqual({
      code: 0,
      out: `content/ja/docs/install.md:4  added     default_lang_commit: ${second}\ncontent/fr/docs/install.md:2  added     default_lang_commit: ${second}\n`,
      err: "",
    });
    expect(await read("content/ja/docs/install.md")).toBe(JA.replace("weight: 10\r\n", `weight: 10\r\ndefault_lang_commit: ${second}\r\n`));
    expect(await read("content/fr/docs/install.md")).toBe(`---\ndefault_lang_commit: ${second}\n---\n${FR}`);
    expect((await run("pin", "--missing")).out).toBe("0 translations have no `default_lang_commit`\n");
  });

  it("updates an existing pin to --commit, and refuses what it cannot edit, naming file and line, pinning the rest", async () => {
    const { repo, first, second, read } = await hugoRepo();
    await writeFile(path.join(repo.root, "content/fr/docs/install.md"), `---\ndefault_lang_commit: ${first}\n---\n${FR}`);
    await writeFile(path.join(repo.root, "content/ja/docs/install.md"), "---\ntitle: [broken\n---\n# X\n");
    const run = cli(repo.root);
    const result = await run("pin", "content/ja/docs/install.md", "content/fr/docs/install.md", "--commit", second.slice(0, 10));
    expect(result.code).toBe(2);
    expect(result.out).toBe(`content/fr/docs/install.md:2  updated   default_lang_commit: ${first} → ${second}\n`);
    expect(result.err).toMatch(/^l10n-drift: EDIT_REFUSED content\/ja\/docs\/install\.md invalid front matter: .*; left as it is \(content\/ja\/docs\/install\.md:\d+\)\n$/);
    expect(await read("content/ja/docs/install.md")).toBe("---\ntitle: [broken\n---\n# X\n");
    expect(await read("content/fr/docs/install.md")).toBe(`---\ndefault_lang_commit: ${second}\n---\n${FR}`);
  });

  it("refuses a source, an unknown commit, and no files", async () => {
    const { repo } = await hugoRepo();
    const run = cli(repo.root);
    expect(await run("pin", "content/en/docs/install.md")).toEqual({ code: 2, out: "", err: "l10n-drift: EDIT_REFUSED content/en/docs/install.md is not a translation: not in a locale folder of this tree; left as it is (content/en/docs/install.md:1)\n" });
    expect(await run("pin", "content/ja/docs/install.md", "--commit", "nope")).toEqual({ code: 2, out: "", err: "l10n-drift: USAGE `nope` is not a commit of this repository\n" });
    expect((await run("pin")).err).toBe("l10n-drift: USAGE name the translations to pin (there is no pinning of everything: a pin must follow a real update)\n");
  });
});

describe("status --write-key", () => {
  it("writes true on outdated translations, removes it from current ones, and --check fails while a flag is stale", async () => {
    const { repo, first, second, read } = await hugoRepo();
    const run = cli(repo.root);
    // ja was made from the first version: outdated. fr is pinned to the second and says it is drifted: stale.
    const ja = `---\r\ntitle: 'インストール'  # translated\r\ndefault_lang_commit: ${first}\r\nweight: 10\r\n---\r\n\r\n# インストール\r\n\r\n実行します。\r\n`;
    const fr = `---\ndefault_lang_commit: ${second}\ndrifted_from_default: true\n---\n# Installer\n\nLancez-le.\n\n## Vérifier\n\nVérifiez.\n`;
    await repo.commit("Pin", { "content/ja/docs/install.md": ja, "content/fr/docs/install.md": fr });

    expect(await run("status", "--write-key", "drifted_from_default", "--check")).toEqual({
      code: 1,
      out: "content/fr/docs/install.md:3  stale  drifted_from_default should be absent (the translation is current)\ncontent/ja/docs/install.md:4  stale  drifted_from_default should be true (the translation is outdated)\n✖ 2 stale `drifted_from_default` flags; run `l10n-drift status --write-key drifted_from_default`\n",
      err: "",
    });
    expect(await read("content/ja/docs/install.md")).toBe(ja);

    expect(await run("status", "--write-key", "drifted_from_default")).toEqual({
      code: 0,
      out: "content/fr/docs/install.md:3  removed   drifted_from_default (was true)\ncontent/ja/docs/install.md:4  added     drifted_from_default: true\n",
      err: "",
    });
    expect(await read("content/ja/docs/install.md")).toBe(ja.replace(`${first}\r\n`, `${first}\r\ndrifted_from_default: true\r\n`));
    expect(await read("content/fr/docs/install.md")).toBe(fr.replace("drifted_from_default: true\n", ""));
    expect(await run("status", "--write-key", "drifted_from_default", "--check")).toEqual({ code: 0, out: "✔ every `drifted_from_default` flag matches its translation's state\n", err: "" });

    // The key from the configuration.
    await writeFile(path.join(repo.root, "l10n-drift.config.json"), '{ "preset": "hugo", "keys": { "drifted": "outdated" } }\n');
    expect((await run("status", "--write-key", "--check")).out).toBe("content/ja/docs/install.md:4  stale  outdated should be true (the translation is outdated)\n✖ 1 stale `outdated` flag; run `l10n-drift status --write-key outdated`\n");
  });
});

describe("check --rule pin-not-updated=error", () => {
  it("fails a change that edits a translation but leaves its pin behind, and passes once it is pinned", async () => {
    const { repo, first } = await hugoRepo();
    await repo.commit("Pin", { "content/ja/docs/install.md": JA.replace("weight: 10\r\n", `weight: 10\r\ndefault_lang_commit: ${first}\r\n`) });
    const updated = JA.replace("weight: 10\r\n", `weight: 10\r\ndefault_lang_commit: ${first}\r\n`) + "\r\n## 確認\r\n\r\n確認します。\r\n";
    await repo.commit("Translate the new section", { "content/ja/docs/install.md": updated });
    const run = cli(repo.root);
    const failed = await run("check", "--changed-since", "HEAD~1", "--rule", "pin-not-updated=error", "--locale", "ja", "--format", "json");
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out).findings.filter((finding: { ruleId: string }) => finding.ruleId === "pin-not-updated").map(({ messageId, file, line, message }: Record<string, unknown>) => ({ messageId, file, line, message }))).toEqual([
      {
        messageId: "pin-not-moved",
        file: "content/ja/docs/install.md",
        line: 4,
        message: `The change edits this translation but \`default_lang_commit\` still names \`${first.slice(0, 12)}\`, 1 source commit behind; expected the pin moved to the source commit translated (\`l10n-drift pin\`).`,
      },
    ]);
    expect((await run("pin", "content/ja/docs/install.md")).code).toBe(0);
    const passed = await run("check", "--changed-since", "HEAD~1", "--rule", "pin-not-updated=error", "--locale", "ja", "--format", "json");
    expect(JSON.parse(passed.out).findings.filter((finding: { ruleId: string }) => finding.ruleId === "pin-not-updated")).toEqual([]);
    expect((await run("check", "--rule", "no-such-rule=error")).err).toBe("l10n-drift: USAGE option '--rule <id=level>' argument 'no-such-rule=error' is invalid. unknown rule `no-such-rule`; `l10n-drift rules` lists them\n");
  });
});
