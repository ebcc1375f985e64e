import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_SECRET_FILE } from "../../src/engine/cache.js";
import { isCachedArticle } from "../../src/engine/cache-shape.js";
import { check } from "../../src/index.js";
import type { Report } from "../../src/model/report.js";
import { digest } from "../../src/util/hash.js";
import { makeTree } from "../support/fixtures.js";

const SOURCE = '# Guide\n\n## <a name="setup"></a>Setup\n\nText.\n\n## <a name="limits"></a>Limits\n\nMore text.\n';
const TRANSLATION = '# Anleitung\n\n## <a name="setup"></a>Einrichtung\n\nText auf Deutsch.\n';

type Kind = "documents" | "articles";

/** The cache's entry files of one kind, with the key each is stored under (its file name). */
async function entries(cacheDir: string, kind: Kind): Promise<Array<{ file: string; key: string; base: string }>> {
  const found = await readdir(cacheDir, { withFileTypes: true, recursive: true });
  return found
    .filter((entry) => entry.isFile() && entry.name.endsWith(".gz") && path.basename(path.dirname(entry.parentPath)) === kind)
    .map((entry) => ({ file: path.join(entry.parentPath, entry.name), key: entry.name.slice(0, -3), base: path.dirname(path.dirname(entry.parentPath)) }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Rewrites every entry of a kind, signed with `secret`, or with the old unkeyed checksum when there is none. */
async function forge(cacheDir: string, kind: Kind, change: (value: Record<string, unknown>) => unknown, signed: boolean): Promise<number> {
  const files = await entries(cacheDir, kind);
  for (const { file, key, base } of files) {
    const text = gunzipSync(await readFile(file)).toString("utf8");
    const payload = JSON.stringify(change(JSON.parse(text.slice(65)) as Record<string, unknown>));
    const secret = await readFile(path.join(base, CACHE_SECRET_FILE));
    const checksum = signed ? createHmac("sha256", secret).update(`${kind}\0${key}\0`).update(payload).digest("hex") : digest(payload);
    await writeFile(file, gzipSync(`${checksum}\n${payload}`));
  }
  return files.length;
}

const summaryOf = (report: Report) => report.findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.locale} ${finding.anchor ?? ""} ${finding.line}:${finding.column}`);
const MESSAGE = "Section `Limits` (`#limits`) is missing; add it after `Einrichtung` (`#setup`), as in the source.";

describe("the on-disk cache is untrusted input", () => {
  let root: string;
  let cacheDir: string;
  let uncached: Report;

  beforeEach(async () => {
    root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": TRANSLATION });
    cacheDir = await mkdtemp(path.join(tmpdir(), "l10n-drift-cache-"));
    uncached = await check({ root, history: false });
    expect(summaryOf(uncached)).toEqual(["missing-section error de limits 6:1"]);
    expect(uncached.findings[0]!.message).toBe(MESSAGE);
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
  });

  it("ignores an article entry forged with no findings and the old unkeyed checksum", async () => {
    expect(await forge(cacheDir, "articles", (value) => ({ ...value, result: { ...(value.result as object), findings: [] } }), false)).toBe(1);
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
  });

  it("ignores an entry forged in another cache, whose secret signs it", async () => {
    const other = await mkdtemp(path.join(tmpdir(), "l10n-drift-cache-"));
    await check({ root, history: false, cacheDir: other });
    await forge(other, "articles", (value) => ({ ...value, result: { ...(value.result as object), findings: [] } }), true);
    const [forged] = await entries(other, "articles");
    const [target] = await entries(cacheDir, "articles");
    expect(forged!.key).toBe(target!.key);
    await copyFile(forged!.file, target!.file);
    expect((await check({ root, history: false, cacheDir: other })).findings).toEqual([]); // trusted where it was signed
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
  });

  it("treats a signed entry of the wrong shape as a miss: `result: null`, documents without sections", async () => {
    expect(await forge(cacheDir, "articles", (value) => ({ ...value, result: null }), true)).toBe(1);
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
    expect(await forge(cacheDir, "articles", () => "not an entry", true)).toBe(1);
    expect(await forge(cacheDir, "documents", (value) => ({ ...value, sections: "none" }), true)).toBe(2);
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
  });

  it("does not hang on a named pipe in place of an entry or of the secret", async () => {
    const all = [...(await entries(cacheDir, "articles")), ...(await entries(cacheDir, "documents"))];
    expect(all).toHaveLength(3);
    const toFifo = async (file: string) => {
      await rm(file);
      execFileSync("mkfifo", [file]);
    };
    for (const { file } of all) await toFifo(file);
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
    await toFifo(path.join(all[0]!.base, CACHE_SECRET_FILE));
    expect(await check({ root, history: false, cacheDir })).toEqual(uncached);
  });
});

describe("cache entries the engine writes", () => {
  it("are read back as valid: every alignment method and state passes the entry's shape check", async () => {
    // The translation leaves out the first section, so its code-bearing section pairs by content.
    const root = await makeTree({
      "articles/a.md": "# Guide\n\n## Overview\n\nWhat it is.\n\n## Install\n\nRun this:\n\n```sh\nnpm install --save-dev l10n-drift\n```\n\n## Use\n\nThen `npx l10n-drift check`.\n",
      "locales/de/a.md": "# Anleitung\n\n## Einrichten\n\nFühren Sie Folgendes aus:\n\n```sh\nnpm install --save-dev l10n-drift\n```\n\n## Verwenden\n\nDann `npx l10n-drift check`.\n",
    });
    const cacheDir = await mkdtemp(path.join(tmpdir(), "l10n-drift-cache-"));
    const report = await check({ root, cacheDir, history: false });
    const methods = report.articles.flatMap((article) => article.translations.flatMap((translation) => translation.rows.map((row) => row.method)));
    expect(methods).toContain("content");
    const written = await entries(cacheDir, "articles");
    expect(written).toHaveLength(1);
    for (const { file } of written) {
      const text = gunzipSync(await readFile(file)).toString("utf8");
      expect(isCachedArticle(JSON.parse(text.slice(text.indexOf("\n") + 1)))).toBe(true);
    }
  });
});
