import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/fixtures.js";
import { generatedTree } from "../support/generate.js";

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");

async function jsonOf(root: string, ...args: string[]): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-out-")), "drift.json");
  await run(process.execPath, [BIN, "check", "--root", root, "--format", "json", "--output", out, "--fail-on", "never", "--no-history", ...args]);
  return readFile(out, "utf8");
}

describe("the same report whatever the threads, cache and shards", () => {
  let root: string;
  let reference: string;

  beforeAll(async () => {
    root = await generatedTree(240);
    reference = await jsonOf(root, "--workers", "0", "--no-cache");
  });

  it("has real findings of several rules to keep in order", () => {
    const report = JSON.parse(reference) as { findings: Array<{ ruleId: string }>; summary: { articles: number; states: Record<string, number> } };
    expect(report.summary.articles).toBe(240);
    // missing-translation is off by default: the missing translations are counted by state instead.
    expect(new Set(report.findings.map((finding) => finding.ruleId))).toEqual(new Set(["heading-level", "missing-section", "orphan-translation", "stale-date"]));
    expect(report.summary.states).toEqual({ broken: 89, outdated: 72, missing: 22, unreadable: 0, untracked: 0, current: 297 });
  });

  it("is byte-identical with two worker threads, and with their heaps bounded", async () => {
    expect(await jsonOf(root, "--workers", "2", "--no-cache")).toBe(reference);
    expect(await jsonOf(root, "--workers", "2", "--worker-heap", "64", "--no-cache")).toBe(reference);
  });

  it("is byte-identical with the report held deflated, in one thread or two", async () => {
    expect(await jsonOf(root, "--workers", "0", "--no-cache", "--pack-report")).toBe(reference);
    expect(await jsonOf(root, "--workers", "2", "--no-cache", "--pack-report")).toBe(reference);
  });

  it("is byte-identical from a cold and a warm cache, and ignores corrupt entries", async () => {
    const cache = await mkdtemp(path.join(tmpdir(), "l10n-drift-cache-"));
    expect(await jsonOf(root, "--cache-dir", cache)).toBe(reference);
    expect(await jsonOf(root, "--cache-dir", cache)).toBe(reference);
    const entries = await listFiles(cache);
    expect(entries.length).toBeGreaterThan(240);
    for (const entry of entries.slice(0, 50)) await writeFile(entry, "corrupt");
    expect(await jsonOf(root, "--cache-dir", cache)).toBe(reference);
  });

  it("re-checks a changed file through the cache", async () => {
    const cache = await mkdtemp(path.join(tmpdir(), "l10n-drift-cache-"));
    const tree = await generatedTree(20);
    await jsonOf(tree, "--cache-dir", cache);
    const file = path.join(tree, "locales/de/area-1/article-0001.md");
    await writeFile(file, (await readFile(file, "utf8")).replace('## <a name="s4"></a>', '## <a name="gone"></a>'));
    const warm = JSON.parse(await jsonOf(tree, "--cache-dir", cache)) as { findings: Array<{ ruleId: string; file: string; anchor?: string }> };
    expect(warm.findings.filter((finding) => finding.file === "locales/de/area-1/article-0001.md").map((finding) => `${finding.ruleId} ${finding.anchor}`)).toEqual([
      "extra-section gone",
      "missing-section s4",
    ]);
    expect(warm).toEqual(JSON.parse(await jsonOf(tree, "--no-cache")));
  });

  it("merges three shards into exactly the unsharded report", async () => {
    const shards = await Promise.all(["1/3", "2/3", "3/3"].map((shard) => jsonOf(root, "--shard", shard, "--no-cache")));
    const directory = await mkdtemp(path.join(tmpdir(), "l10n-drift-shards-"));
    const files = await Promise.all(
      shards.map(async (json, index) => {
        const file = path.join(directory, `shard-${index + 1}.json`);
        await writeFile(file, json);
        return file;
      }),
    );
    const { stdout } = await run(process.execPath, [BIN, "merge", ...files], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toBe(reference);
    expect(shards.map((json) => (JSON.parse(json) as { summary: { articles: number } }).summary.articles)).toEqual([80, 80, 80]);
  });
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}
