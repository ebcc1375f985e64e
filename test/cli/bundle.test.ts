import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { REPO_ROOT } from "../support/fixtures.js";

const run = promisify(execFile);

/**
 * Runs the built CLI with a module hook that lists every module file it loads (ES modules, and
 * the CommonJS ones an ES module imports), in the order loaded.
 */
async function loadedModules(args: readonly string[]): Promise<string[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), "l10n-drift-bundle-"));
  const list = path.join(scratch, "loaded.txt");
  await writeFile(
    path.join(scratch, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(list)}, url + "\\n");\n  return next(url, context);\n}\n`,
  );
  await writeFile(path.join(scratch, "register.mjs"), `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`);
  await writeFile(list, "");
  await run(process.execPath, ["--import", pathToFileURL(path.join(scratch, "register.mjs")).href, path.join(REPO_ROOT, "bin/l10n-drift.js"), ...args]);
  const root = pathToFileURL(REPO_ROOT).href;
  return (await readFile(list, "utf8")).split("\n").filter(Boolean).map((url) => (url.startsWith(root) ? url.slice(root.length + 1) : url));
}

describe("the built command line", () => {
  it("loads as a bundle: its own chunks at dist/'s root, not the modules tsc wrote nor node_modules", async () => {
    const output = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-bundle-out-")), "drift.json");
    const loaded = await loadedModules(["check", "--root", REPO_ROOT, "--format", "json", "--output", output, "--fail-on", "never", "--no-cache"]);

    expect(loaded[0]).toBe("bin/l10n-drift.js");
    expect(loaded[1]).toBe("dist/cli.js");
    expect(loaded.filter((file) => !/^dist\/cli(-[\w-]+)?\.js$/.test(file) && file !== "bin/l10n-drift.js")).toEqual([]);
    // A check of the bundled example loads a few dozen chunks, where the unbundled build loaded 300 modules.
    expect(loaded.length).toBeLessThan(40);

    // The bundle reports what the sources do.
    const fromSources = await check({ root: REPO_ROOT });
    const report = JSON.parse(await readFile(output, "utf8")) as { summary: unknown; findings: unknown[] };
    expect(report.summary).toEqual(JSON.parse(JSON.stringify(fromSources.summary)));
    expect(report.findings).toEqual(JSON.parse(JSON.stringify(fromSources.findings)));
  });
});
