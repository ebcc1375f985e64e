import fc from "fast-check";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { check, workLists } from "../../src/index.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../../src/io/file-system.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";
import { GOOD_TRANSLATION, SOURCE } from "./trees.js";

const BUILT_INDEX = path.join(REPO_ROOT, "dist/index.js");

type Readdir = (directory: string, options: object, callback: (error: Error | null, entries: unknown[]) => void) => void;

/** mulberry32: a small seeded generator, so that a failing order can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A file system whose directory listings come back in an order drawn from `seed`, as real ones
 * may; `listings` counts the directories listed, to show discovery went through it.
 */
function shuffledListing(seed: number): FileSystem & { listings: number } {
  const random = seeded(seed);
  const counted = { listings: 0 };
  const readdir: Readdir = (directory, options, callback) =>
    (fs.readdir as unknown as Readdir)(directory, options, (error, entries) => {
      counted.listings++;
      if (error) return callback(error, entries);
      const shuffled = [...entries];
      for (let index = shuffled.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
      }
      callback(null, shuffled);
    });
  return Object.assign(counted, NODE_FILE_SYSTEM, { listing: { ...fs, readdir: readdir as unknown as typeof fs.readdir } });
}

/** Articles in nested folders with drift of every kind, in three locales. */
async function driftingTree(): Promise<string> {
  const files: Record<string, string> = {};
  for (const folder of ["a", "b/c", "b/d", "z"]) {
    for (const name of ["one", "two", "three"]) {
      files[`articles/${folder}/${name}.md`] = SOURCE.replace("Install the tool.", `Install ${name}.\n\n## Next steps\nRead on.`);
      files[`locales/de/${folder}/${name}.md`] = GOOD_TRANSLATION.replace("10/07/2020", "01/01/2019");
      if (name !== "two") files[`locales/sv/${folder}/${name}.md`] = GOOD_TRANSLATION;
      files[`locales/nl/${folder}/${name}-old.md`] = "# Oud\n\n## <a name=\"setup\"></a>Installeren\n\n## <a name=\"setup\"></a>Nogmaals\n";
    }
  }
  return makeTree(files);
}

/**
 * A repository whose baselines take every path history has: translation commits, commit and hash
 * pins, skipped commits, renames, and an include outside the source folder, in 40 articles so
 * that every worker gets several batches.
 */
async function historyTree(): Promise<string> {
  const repo = await makeRepo();
  const source = (name: string, extra = "") => `# ${name}\n\n[!INCLUDE [note](../includes/note.md)]\n\n## One\n\nFirst ${name}.\n${extra}`;
  const translation = (name: string) => `# ${name}\n\n## <a name="one"></a>Eins\n\nErstens ${name}.\n`;
  const names = Array.from({ length: 40 }, (_, index) => `p${String(index).padStart(2, "0")}`);
  const first = await repo.commit("Add", { "includes/note.md": "Old note.\n", ...Object.fromEntries(names.map((name) => [`articles/${name}.md`, source(name)])) });
  const blobs = new Map(names.map((name) => [name, repo.git("rev-parse", `HEAD:articles/${name}.md`)]));
  await repo.commit("Translate", Object.fromEntries(names.map((name, index) => {
    const pin = index % 3 === 0 ? `---\nms.sourcegitcommit: ${first}\n---\n` : index % 3 === 1 ? `---\nms.openlocfilehash: ${blobs.get(name)}\n---\n` : "";
    return [`locales/de/${name}.md`, pin + translation(name)];
  })));
  await repo.commit("Grow half of them", Object.fromEntries(names.filter((_, index) => index % 2 === 0).map((name) => [`articles/${name}.md`, source(name, "\n## Two\n\nSecond.\n")])));
  await repo.commit("Typo [l10n skip]", Object.fromEntries(names.filter((_, index) => index % 5 === 0).map((name) => [`articles/${name}.md`, source(name, "\n## Two\n\nSecond!\n")])));
  await repo.commit("Update the note", { "includes/note.md": "New note.\n" });
  await repo.rename("Move one", "articles/p07.md", "articles/p07-moved.md");
  return repo.root;
}

describe("determinism", () => {
  /** Listings in any order give byte-identical JSON (a substituted file system keeps the run in one thread). */
  it("the same tree listed in shuffled orders gives byte-identical JSON", async () => {
    const root = await driftingTree();
    const expected = JSON.stringify(await check({ root }));
    expect(JSON.parse(expected).findings.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const fileSystem = shuffledListing(seed);
        expect(JSON.stringify(await check({ root, fileSystem }))).toBe(expected);
        expect(fileSystem.listings).toBeGreaterThan(10);
      }),
      { numRuns: 8 },
    );
  });

  // Workers run the compiled worker: this goes through the built engine (`npm run build`).
  it.skipIf(!existsSync(BUILT_INDEX))("any number of worker threads gives byte-identical JSON", async () => {
    const root = await driftingTree();
    const built = (await import(BUILT_INDEX)) as { check: typeof check; workLists: typeof workLists };
    const expected = JSON.stringify(await built.check({ root, workers: 0 }));
    expect(expected).toBe(JSON.stringify(await check({ root })));
    // Work lists come from the same pipeline, so from the workers too.
    const expectedLists = JSON.stringify(await built.workLists({ root, workers: 0 }));
    expect(JSON.parse(expectedLists)).toHaveLength(36);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), async (workers) => {
        expect(JSON.stringify(await built.check({ root, workers }))).toBe(expected);
        expect(JSON.stringify(await built.workLists({ root, workers }))).toBe(expectedLists);
      }),
      { numRuns: 3 },
    );
    // Each run starts a pool of threads, twice: slow on a busy machine, however correct.
  }, 120_000);

  // With a cache, the main thread checks articles until eight were not cached, and workers the
  // rest: cold, warm and partly warm runs split the articles differently between threads.
  it.skipIf(!existsSync(BUILT_INDEX))("a cold, warm or partly warm cache gives byte-identical JSON with workers", async () => {
    const root = await driftingTree();
    const cacheDir = await makeTree({});
    const built = (await import(BUILT_INDEX)) as { check: typeof check };
    const expected = JSON.stringify(await built.check({ root, workers: 0 }));
    expect(JSON.stringify(await built.check({ root, workers: 2, cacheDir }))).toBe(expected);
    expect(JSON.stringify(await built.check({ root, workers: 2, cacheDir }))).toBe(expected);
    // Ten of the twelve sources changed: the eighth miss comes before the last articles.
    const sources = ["a", "b/c", "b/d", "z"].flatMap((folder) => ["one", "two", "three"].map((name) => `articles/${folder}/${name}.md`)).sort();
    for (const file of sources.slice(0, 10)) fs.appendFileSync(path.join(root, file), "\n## Added\nMore.\n");
    const changed = JSON.stringify(await built.check({ root, workers: 0 }));
    expect(changed).not.toBe(expected);
    expect(JSON.stringify(await built.check({ root, workers: 2, cacheDir }))).toBe(changed);
    expect(JSON.stringify(await built.check({ root, workers: 2, cacheDir }))).toBe(changed);
  }, 120_000);

  // History is read once, in the main thread; workers get their share per batch.
  it.skipIf(!existsSync(BUILT_INDEX))("any number of worker threads gives byte-identical JSON with git history", async () => {
    const root = await historyTree();
    const built = (await import(BUILT_INDEX)) as { check: typeof check; workLists: typeof workLists };
    const expected = JSON.stringify(await built.check({ root, workers: 0 }));
    expect(expected).toBe(JSON.stringify(await check({ root })));
    const report = JSON.parse(expected) as { findings: Array<{ ruleId: string }> };
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    for (const rule of ["stale-source", "missing-section", "renamed-source"]) expect(rules).toContain(rule);
    const baselines = JSON.stringify(await built.workLists({ root, workers: 0 }));
    for (const method of ["source-commit-pin", "source-hash-pin", "translation-commit"]) expect(baselines).toContain(method);
    for (const workers of [1, 2, 3]) {
      expect(JSON.stringify(await built.check({ root, workers }))).toBe(expected);
      expect(JSON.stringify(await built.workLists({ root, workers }))).toBe(baselines);
    }
  }, 120_000);

  it("the shuffling listing really reorders", async () => {
    const root = await driftingTree();
    const listing = shuffledListing(7).listing as unknown as { readdir: Readdir };
    const orders = new Set<string>();
    for (let run = 0; run < 6; run++) {
      orders.add(await new Promise<string>((resolve, reject) => listing.readdir(`${root}/articles`, {}, (error, entries) => (error ? reject(error) : resolve(String(entries))))));
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});
