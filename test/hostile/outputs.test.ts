import { spawn, spawnSync } from "node:child_process";
import { lstatSync, watch } from "node:fs";
import { mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { runCli } from "./cli.js";
import { GOOD_FILE, GOOD_TRANSLATION, SOURCE, SOURCE_FILE } from "./trees.js";

const BIN = path.join(REPO_ROOT, "bin/l10n-drift.js");

function tree(extra: Record<string, string> = {}): Promise<string> {
  return makeTree({ [SOURCE_FILE]: SOURCE, [GOOD_FILE]: GOOD_TRANSLATION, ...extra });
}

async function outside(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "l10n-drift-outside-"));
}

describe("--output", () => {
  it("a named pipe is written through, not renamed over", async () => {
    const root = await tree();
    const fifo = path.join(await outside(), "out.fifo");
    spawnSync("mkfifo", [fifo]);
    // A reader that gives up after 30 s: with a rename over the pipe it would never see a writer.
    const reader = spawn("timeout", ["30", "cat", fifo], { stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    reader.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolve) => reader.on("close", resolve));
    const run = runCli(["check", "--root", root, "--format", "json", "--output", fifo]);
    await closed;
    expect({ status: run.status, fifo: lstatSync(fifo).isFIFO() }).toEqual({ status: 0, fifo: true });
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8")).summary.translations).toBe(1);
  });

  it("/dev/stdout is standard output, whatever it is", async () => {
    const root = await tree();
    const run = runCli(["check", "--root", root, "--format", "json", "--output", "/dev/stdout"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.translations).toBe(1);
    expect(lstatSync("/dev/stdout").isSymbolicLink()).toBe(true);
  });

  it("a symbolic link is refused, and neither it nor its target is replaced", async () => {
    const root = await tree();
    const dir = await outside();
    await writeFile(path.join(dir, "victim"), "victim\n");
    await symlink(path.join(dir, "victim"), path.join(dir, "link.json"));
    for (const args of [["check", "--format", "json", "--output"], ["suppress", "--output"]]) {
      const run = runCli([...args, path.join(dir, "link.json"), "--root", root]);
      expect({ status: run.status, stderr: run.stderr }).toEqual({
        status: 2,
        stderr: `l10n-drift: IO_FAILED cannot write \`${path.join(dir, "link.json")}\`: it is a symbolic link, which is neither followed nor replaced; name the file itself\n`,
      });
    }
    expect(lstatSync(path.join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, "victim"), "utf8")).toBe("victim\n");
  });

  it("a directory, or a path through a file, is an I/O error, not INTERNAL", async () => {
    const root = await tree();
    const dir = await outside();
    await writeFile(path.join(dir, "file"), "x\n");
    expect(runCli(["check", "--root", root, "--output", dir]).stderr).toBe(`l10n-drift: IO_FAILED cannot write \`${dir}\`: it is a directory; name a file\n`);
    const through = path.join(dir, "file", "out.json");
    expect(runCli(["check", "--root", root, "--output", through]).stderr).toBe(`l10n-drift: IO_FAILED cannot write \`${through}\` (a folder on its path is a file)\n`);
  });
});

describe("report's output folder", () => {
  it("a committed `reports` link is refused: nothing is written through it", async () => {
    const root = await tree();
    const victim = await outside();
    await writeFile(path.join(victim, "index.html"), "victim\n");
    await symlink(victim, path.join(root, "reports"));
    const run = runCli(["report", "--root", root]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 2,
      stderr: `l10n-drift: IO_FAILED the reports directory \`${path.relative(REPO_ROOT, path.join(root, "reports"))}\` is a symbolic link; reports are written only into a real directory\n`,
    });
    expect(await readdir(victim)).toEqual(["index.html"]);
    expect(await readFile(path.join(victim, "index.html"), "utf8")).toBe("victim\n");
  });

  it("with separate-repos, the default reports folder inside the source tree is never checked as articles", async () => {
    const repos = await makeTree({ "docs/guide.md": SOURCE, "docs/l10n-drift.config.json": JSON.stringify({ preset: "separate-repos", locales: { sv: { dir: "../sv" } } }), "sv/guide.md": GOOD_TRANSLATION });
    const root = path.join(repos, "docs");
    expect(runCli(["report", "--root", root]).status).toBe(0);
    const second = runCli(["check", "--root", root, "--format", "json"]);
    const report = JSON.parse(second.stdout) as { summary: { articles: number }; articles: Array<{ article: string }> };
    expect(report.articles.map((article) => article.article)).toEqual(["guide.md"]);
  });

  it("a `report --out` folder inside the source tree is never read as articles by the next report", async () => {
    const repos = await makeTree({ "docs/guide.md": SOURCE, "docs/l10n-drift.config.json": JSON.stringify({ preset: "separate-repos", locales: { sv: { dir: "../sv" } } }), "sv/guide.md": GOOD_TRANSLATION });
    const root = path.join(repos, "docs");
    const out = path.join(root, "site", "drift");
    for (let run = 0; run < 2; run++) expect(runCli(["report", "--root", root, "--out", out]).status).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, "drift.json"), "utf8")) as { articles: Array<{ article: string }> };
    expect(report.articles.map((article) => article.article)).toEqual(["guide.md"]);
  });
});

describe("merge", () => {
  it("a shard the report schema refuses (`severity: \"constructor\"`) is an I/O error naming the file and the place", async () => {
    const root = await tree();
    const shard = JSON.parse(runCli(["check", "--root", root, "--format", "json", "--shard", "1/1"]).stdout) as { findings: Array<Record<string, unknown>> };
    shard.findings.push({ ...(shard.findings[0] ?? {}), severity: "constructor" });
    const file = path.join(await outside(), "shard.json");
    await writeFile(file, JSON.stringify(shard));
    const run = runCli(["merge", file, "--root", root]);
    expect({ status: run.status, stderr: run.stderr.replace(/findings\/\d+/, "findings/N") }).toEqual({
      status: 2,
      stderr: `l10n-drift: IO_FAILED \`${file}\` is not an l10n-drift JSON report: /findings/N/severity must be equal to one of the allowed values\n`,
    });
  });

  it("a shard that is not JSON, or a pipe, is an I/O error", async () => {
    const dir = await outside();
    await writeFile(path.join(dir, "bad.json"), "{ not json");
    expect(runCli(["merge", path.join(dir, "bad.json")]).stderr).toBe(`l10n-drift: IO_FAILED \`${path.join(dir, "bad.json")}\` is not an l10n-drift JSON report (not valid JSON)\n`);
    spawnSync("mkfifo", [path.join(dir, "pipe.json")]);
    expect(runCli(["merge", path.join(dir, "pipe.json")]).stderr).toBe(`l10n-drift: IO_FAILED cannot read \`${path.join(dir, "pipe.json")}\` (it is a named pipe, not a regular file)\n`);
  });
});

describe("arguments", () => {
  it("`--article ''` is a usage error", async () => {
    const root = await tree();
    expect(runCli(["check", "--root", root, "--article", ""])).toMatchObject({ status: 2, stderr: "l10n-drift: USAGE option '--article <glob>' argument '' is invalid. expected a glob or path, not an empty string\n" });
  });

  it("`--root` naming a file says it is not a directory", () => {
    for (const command of ["check", "rules"]) {
      expect(runCli([command, "--root", "/etc/passwd"])).toMatchObject({ status: 2, stderr: "l10n-drift: ROOT_UNREADABLE the root `/etc/passwd` is not a directory\n" });
    }
  });

  it("`--workers` is capped at the CPU count, said once", async () => {
    const root = await tree();
    const run = runCli(["check", "--root", root, "--workers", "99999"]);
    const cpus = availableParallelism();
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: `l10n-drift: --workers 99999 is more than the ${cpus} CPUs; using ${cpus}\n` });
  });

  it("a reader that closes the pipe early ends the output quietly (no EPIPE stack)", async () => {
    const child = spawn(process.execPath, [BIN, "rules"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const status = await new Promise((resolve) => child.on("close", resolve));
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
  });
});

describe("a stopped report", () => {
  it("SIGTERM while the reports are written leaves no temporary file and never a mix of two runs", async () => {
    // Many findings make the report files large, so the writes take a while.
    const extra: Record<string, string> = {};
    for (let index = 0; index < 40; index++) extra[`locales/de/page-${index}.md`] = `# Seite ${index}\n\n[x](#missing-${index})\n`;
    for (let index = 0; index < 40; index++) extra[`articles/page-${index}.md`] = `# Page ${index}\n\nText.\n`;
    const root = await tree(extra);
    const reports = path.join(root, "reports");
    expect(runCli(["report", "--root", root]).status).toBe(0);
    const before = await snapshot(reports);
    await writeFile(path.join(root, "articles/page-0.md"), "# Page 0\n\nChanged.\n\n## New\n");
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = spawn(process.execPath, [BIN, "report", "--root", root], { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
      // Stopped as soon as the first temporary file appears in the reports folder.
      const watcher = watch(reports, (_event, name) => {
        if (typeof name === "string" && name.endsWith(".tmp")) child.kill("SIGTERM");
      });
      const status = await new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal === "SIGTERM" ? 143 : null))));
      watcher.close();
      const after = await snapshot(reports);
      expect(Object.keys(after).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      const unchanged = Object.keys(before).filter((name) => after[name] === before[name]);
      // All old, or all new (the changed source changes every file of the set).
      expect([0, Object.keys(before).length]).toContain(unchanged.length);
      expect([0, 143]).toContain(status);
    }
  });
});

async function snapshot(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(directory)).sort()) files[name] = await readFile(path.join(directory, name), "utf8");
  return files;
}

