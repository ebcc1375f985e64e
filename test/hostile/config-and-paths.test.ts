import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";
import { GOOD_TRANSLATION, SOURCE } from "./trees.js";
import { runCli } from "./cli.js";

const SOURCE_WITH_BAD_INCLUDE = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Set up\n\n[!INCLUDE [t](%.md)]\n\nInstall the tool.\n";
const TRANSLATION = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Einrichten\n\n[!INCLUDE [t](%.md)]\n\nInstalliere das Werkzeug.\n";

describe("percent escapes in include paths", () => {
  it("`[!INCLUDE [t](%.md)]` does not stop check, diff or status", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/guide.md": SOURCE_WITH_BAD_INCLUDE });
    const translated = await repo.commit("translate", { "locales/de/guide.md": TRANSLATION });
    await repo.commit("include", { "articles/%.md": "Shared text.\n" });
    for (const args of [["check"], ["diff", "guide.md"], ["status"]]) {
      const run = runCli([...args, "--root", repo.root, "--format", "json"]);
      expect({ args, stderr: run.stderr, status: run.status }).toEqual({ args, stderr: "", status: 0 });
    }
    const report = JSON.parse(runCli(["check", "--root", repo.root, "--format", "json"]).stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    expect(report.findings.map(({ ruleId, file, message }) => ({ ruleId, file, message }))).toEqual([
      {
        ruleId: "stale-source",
        file: "locales/de/guide.md",
        message: `The source changed since this translation's baseline \`${translated.slice(0, 7)}\` (translation-commit): include \`articles/%.md\` changed; 0 commits and 0 lines behind. Update the sections listed.`,
      },
    ]);
  });
});

/** The built CLI with a short timeout and standard input held open, so a read of it would hang. */
async function runHeld(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/l10n-drift.js"), ...args], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "", GITHUB_ACTIONS: "" } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearTimeout(timer);
  return { status, stderr };
}

function configTree(config: unknown, extra: Record<string, string> = {}): Promise<string> {
  return makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION, "l10n-drift.config.json": JSON.stringify(config), ...extra });
}

describe("configuration files are read like documents", () => {
  it("`--config` naming a named pipe, or a configuration linked to /dev/stdin, is refused without hanging", async () => {
    const root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION });
    spawnSync("mkfifo", [path.join(root, "pipe.json")]);
    expect(await runHeld(["check", "--root", root, "--config", path.join(root, "pipe.json")])).toEqual({ status: 2, stderr: `l10n-drift: CONFIG_INVALID cannot read \`${path.join(root, "pipe.json")}\` (it is a named pipe, not a regular file)\n` });
    await symlink("/dev/stdin", path.join(root, "l10n-drift.config.json"));
    const linked = await runHeld(["check", "--root", root]);
    expect(linked.status).toBe(2);
    expect(linked.stderr).toMatch(/^l10n-drift: CONFIG_INVALID (cannot read `l10n-drift\.config\.json` \(.+\)|`l10n-drift\.config\.json` is a link to a file outside the tree; name it with --config to use it)\n$/);
  });

  it("a configuration linked out of the tree is refused, and no error quotes a file's contents", async () => {
    const secret = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-outside-")), "passwd");
    await writeFile(secret, "root:x:0:0:root:/root:/bin/bash\n");
    const root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION });
    await symlink(secret, path.join(root, "l10n-drift.config.json"));
    expect(runCli(["check", "--root", root]).stderr).toBe("l10n-drift: CONFIG_INVALID `l10n-drift.config.json` is a link to a file outside the tree; name it with --config to use it\n");
    expect(runCli(["check", "--root", root, "--config", secret]).stderr).toBe(`l10n-drift: CONFIG_INVALID ${secret}: not valid JSON (unexpected character)\n`);
  });
});

describe("init reads Lunaria's configuration as it reads ours", () => {
  it("a lunaria.config.json that is a named pipe is passed over without hanging; one linked out of the tree is refused without quoting it", async () => {
    const root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION });
    spawnSync("mkfifo", [path.join(root, "lunaria.config.json")]);
    expect(await runHeld(["init", "--root", root])).toEqual({ status: 0, stderr: "" });
    const secret = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-outside-")), "lunaria.json");
    await writeFile(secret, '{"repository": {"name": "secret/repo"}}');
    const linked = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION });
    await symlink(secret, path.join(linked, "lunaria.config.json"));
    expect(await runHeld(["init", "--root", linked])).toEqual({ status: 2, stderr: "l10n-drift: CONFIG_INVALID `lunaria.config.json` is a link to a file outside the tree; name it with --config to use it\n" });
  });
});

describe("configuration stays inside the root", () => {
  it.each([
    [{ include: ["../../../outside/netrc"] }, "`include[0]`: `../../../outside/netrc` leads outside the directory it is relative to; globs may not be absolute or contain `..`"],
    [{ exclude: ["/etc/*"] }, "`exclude[0]`: `/etc/*` leads outside the directory it is relative to; globs may not be absolute or contain `..`"],
    [{ sourceDir: "../../outside" }, "`sourceDir`: `../../outside` is outside the root; only a locale's explicit `dir` may be"],
    [{ include: [`${"{a,b}".repeat(11)}*.md`] }, `\`include[0]\`: the braces of \`${"{a,b}".repeat(11)}*.md\` expand to more than 1000 patterns`],
  ])("%j is a configuration error naming the key", async (config, message) => {
    const root = await configTree(config);
    expect(runCli(["check", "--root", root])).toMatchObject({ status: 2, stderr: `l10n-drift: CONFIG_INVALID ${message}\n` });
  });

  it("braces within the bound still work", async () => {
    const root = await configTree({ include: ["{guide,other}.{md,mdx}"] });
    expect(JSON.parse(runCli(["check", "--root", root, "--format", "json"]).stdout).summary.translations).toBe(1);
  });

  it("an absolute sourceDir and locale dir are the same directories as relative ones", async () => {
    const root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION });
    await writeFile(path.join(root, "l10n-drift.config.json"), JSON.stringify({ sourceDir: path.join(root, "articles"), locales: { de: { dir: path.join(root, "locales/de") } } }));
    const report = JSON.parse(runCli(["check", "--root", root, "--format", "json"]).stdout) as { summary: { articles: number; states: Record<string, number> } };
    expect({ articles: report.summary.articles, missing: report.summary.states.missing, current: report.summary.states.current }).toEqual({ articles: 1, missing: 0, current: 1 });
  });
});
