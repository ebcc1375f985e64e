import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { REPO_ROOT } from "../support/fixtures.js";

const run = promisify(execFile);
const GENERATOR = path.join(REPO_ROOT, "bench/generate-corpus.js");

interface Manifest {
  files: number;
  injected: { missingTranslation: number; missingSection: number; extraSection: number; staleDate: number; codeChange: number };
}

async function generate(out: string, articles: number, seed: number): Promise<string> {
  const { stdout } = await run(process.execPath, [GENERATOR, "--articles", String(articles), "--seed", String(seed), "--out", out]);
  return stdout;
}

async function snapshot(root: string): Promise<Record<string, string>> {
  const files = (await fg("**/*", { cwd: root, onlyFiles: true })).sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(root, file), "utf8")] as const)));
}

describe("the benchmark's corpus generator", () => {
  it("writes the same bytes for the same seed, other bytes for another, and reuses a matching corpus", async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), "l10n-drift-corpus-"));
    const [first, second, other] = ["first", "second", "other"].map((name) => path.join(scratch, name)) as [string, string, string];
    expect(await generate(first, 12, 3)).toMatch(/^Wrote \d+ files /);
    await generate(second, 12, 3);
    await generate(other, 12, 4);
    const firstFiles = await snapshot(first);
    expect(await snapshot(second)).toEqual(firstFiles);
    expect(await snapshot(other)).not.toEqual(firstFiles);
    expect(await generate(first, 12, 3)).toMatch(/^Reused \d+ files /);
  });

  it("injects exactly the drift its manifest counts, as l10n-drift finds it", async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), "l10n-drift-corpus-")), "tree");
    await generate(root, 12, 7);
    const manifest = JSON.parse(await readFile(path.join(root, "corpus.json"), "utf8")) as Manifest;
    const report = await check({ root });
    const count = (ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId).length;

    expect(manifest.files).toBe(12 * 5 - manifest.injected.missingTranslation);
    // This seed injects every kind at least once, so the comparison below means something.
    expect(Object.values(manifest.injected).every((count) => count > 0)).toBe(true);
    // Missing translations are a state (missing-translation, a finding per page, is off by default).
    const missingByState = report.articles.flatMap((article) => article.translations).filter((translation) => translation.state === "missing").length;
    expect({
      missingTranslation: missingByState,
      missingSection: count("missing-section"),
      extraSection: count("extra-section"),
      staleDate: count("stale-date"),
    }).toEqual({
      missingTranslation: manifest.injected.missingTranslation,
      missingSection: manifest.injected.missingSection,
      extraSection: manifest.injected.extraSection,
      staleDate: manifest.injected.staleDate,
    });
  });
});
