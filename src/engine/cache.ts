import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ParsedDocument } from "../model/document.js";
import { digest } from "../util/hash.js";
import { BUILD_ID, TOOL_VERSION } from "../version.js";
import type { ArticleResult, Dependency } from "./article-result.js";

/**
 * Parsed documents and per-article results, stored by content hash. Keys never use modification
 * times: CI checkouts reset them. Each entry carries a checksum of its payload; an entry that is
 * truncated, corrupt or from another version is ignored and rebuilt, never trusted.
 */
export interface DocumentCache {
  getDocument(file: string, contentHash: string): Promise<ParsedDocument | undefined>;
  setDocument(file: string, contentHash: string, document: ParsedDocument): Promise<void>;
  getArticle(key: string): Promise<CachedArticle | undefined>;
  setArticle(key: string, entry: CachedArticle): Promise<void>;
}

/** An article's result and the other files (linked translations) it was computed from. */
export interface CachedArticle {
  result: ArticleResult;
  dependencies: Dependency[];
}

export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "l10n-drift");

/** Cache entries live under `<dir>/<tool version>-<build>/`, so an upgrade or a rebuild starts afresh. */
export function openCache(directory: string, salt: string): DocumentCache {
  const base = path.join(directory, `${TOOL_VERSION}-${BUILD_ID}`);
  const entry = (kind: string, key: string) => path.join(base, kind, key.slice(0, 2), `${key}.gz`);
  return {
    async getDocument(file, contentHash) {
      return readEntry<ParsedDocument>(entry("documents", digest(salt, file, contentHash)));
    },
    async setDocument(file, contentHash, document) {
      await writeEntry(entry("documents", digest(salt, file, contentHash)), document);
    },
    async getArticle(key) {
      return readEntry<CachedArticle>(entry("articles", digest(salt, key)));
    },
    async setArticle(key, cached) {
      await writeEntry(entry("articles", digest(salt, key)), cached);
    },
  };
}

async function readEntry<T>(file: string): Promise<T | undefined> {
  let packed: Buffer;
  try {
    packed = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const text = gunzipSync(packed).toString("utf8");
    const newline = text.indexOf("\n");
    const payload = text.slice(newline + 1);
    if (newline !== 64 || text.slice(0, 64) !== digest(payload)) return undefined;
    return JSON.parse(payload) as T;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so parallel workers never see half an entry. */
async function writeEntry(file: string, value: unknown): Promise<void> {
  const payload = JSON.stringify(value);
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, gzipSync(`${digest(payload)}\n${payload}`, { level: 1 }));
    await rename(temporary, file);
  } catch {
    // A cache that cannot be written only costs speed; the check goes on.
    await rm(temporary, { force: true });
  }
}
