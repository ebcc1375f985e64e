import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { readRegularFile } from "../io/regular-file.js";
import type { ParsedDocument } from "../model/document.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { digest } from "../util/hash.js";
import { buildId, TOOL_VERSION } from "../version.js";
import type { CachedArticle } from "./article-result.js";
import { isCachedArticle, isCachedDocument } from "./cache-shape.js";

/**
 * Parsed documents and per-article results, stored by content hash. Keys never use modification
 * times: CI checkouts reset them. The cache is restored from CI caches, so every entry is
 * untrusted input: read only as a bounded regular file, authenticated with a key kept beside the
 * entries, checked for shape, and ignored (a miss, then rebuilt) when any of that fails.
 */
export interface DocumentCache {
  getDocument(file: string, contentHash: string): Promise<ParsedDocument | undefined>;
  setDocument(file: string, contentHash: string, document: ParsedDocument): Promise<void>;
  getArticle(key: string): Promise<CachedArticle | undefined>;
  setArticle(key: string, entry: CachedArticle): Promise<void>;
}

export type { CachedArticle } from "./article-result.js";

export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "l10n-drift");

/** The cache's own key, beside its entries: 32 random bytes, made by the first run that needs it. */
export const CACHE_SECRET_FILE = "secret";
const SECRET_BYTES = 32;
/** Entries larger than these (gzip, then JSON) are neither written nor read. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;
/** An HMAC-SHA-256 in hex, then a newline, then the JSON payload. */
const MAC_LENGTH = 64;

type Kind = "documents" | "articles";

/** Cache entries live under `<dir>/<tool version>-<build>/`, so an upgrade or a rebuild starts afresh. */
export function openCache(directory: string, salt: string): DocumentCache {
  const base = path.join(directory, `${TOOL_VERSION}-${buildId()}`);
  let secret: Promise<Buffer | undefined> | undefined;
  const store = { base, secret: () => (secret ??= cacheSecret(base)) };
  return {
    async getDocument(file, contentHash) {
      const document = await readEntry(store, "documents", digest(salt, file, contentHash), isCachedDocument);
      // An entry authentic and well formed but about another file is still not this file's.
      return document?.file === file && document.contentHash === contentHash ? document : undefined;
    },
    async setDocument(file, contentHash, document) {
      await writeEntry(store, "documents", digest(salt, file, contentHash), document);
    },
    async getArticle(key) {
      return readEntry(store, "articles", digest(salt, key), isCachedArticle);
    },
    async setArticle(key, cached) {
      await writeEntry(store, "articles", digest(salt, key), cached);
    },
  };
}

interface Store {
  base: string;
  /** Undefined when the secret can be neither read nor made: then the cache is not used. */
  secret: () => Promise<Buffer | undefined>;
}

function entryFile(store: Store, kind: Kind, key: string): string {
  return path.join(store.base, kind, key.slice(0, 2), `${key}.gz`);
}

/**
 * The MAC covers the entry's kind and key as well as its payload, so an entry moved to another
 * key, or copied from a cache with another secret, fails.
 */
function mac(secret: Buffer, kind: Kind, key: string, payload: string): string {
  return createHmac("sha256", secret).update(`${kind}\0${key}\0`).update(payload).digest("hex");
}

async function readEntry<T>(store: Store, kind: Kind, key: string, valid: (value: unknown) => value is T): Promise<T | undefined> {
  try {
    const secret = await store.secret();
    if (secret === undefined) return undefined;
    // A FIFO, directory, device or link in place of an entry is refused without blocking.
    const read = await readRegularFile(entryFile(store, kind, key), MAX_ENTRY_BYTES);
    if (read.bytes === undefined) return undefined;
    const text = gunzipSync(read.bytes, { maxOutputLength: MAX_PAYLOAD_BYTES + MAC_LENGTH + 1 }).toString("utf8");
    if (text.charAt(MAC_LENGTH) !== "\n") return undefined;
    const payload = text.slice(MAC_LENGTH + 1);
    const expected = Buffer.from(mac(secret, kind, key, payload));
    const actual = Buffer.from(text.slice(0, MAC_LENGTH));
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
    const value: unknown = JSON.parse(payload);
    return valid(value) ? value : undefined;
  } catch {
    // Missing, unreadable, oversized, not gzip, not JSON: a miss, rebuilt by the caller.
    return undefined;
  }
}

/** Written atomically (a temporary file renamed), so parallel workers never see half an entry. */
async function writeEntry(store: Store, kind: Kind, key: string, value: unknown): Promise<void> {
  try {
    const secret = await store.secret();
    if (secret === undefined) return;
    const payload = JSON.stringify(value);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return;
    const packed = gzipSync(`${mac(secret, kind, key, payload)}\n${payload}`, { level: 1 });
    if (packed.length <= MAX_ENTRY_BYTES) await writeFileAtomic(entryFile(store, kind, key), packed);
  } catch {
    // A cache that cannot be written only costs speed; the check goes on.
  }
}

/**
 * The cache's secret: read if there is one, else made. It is created under a temporary name and
 * hard-linked into place, which fails if another thread got there first, so every thread of a
 * run ends up with the same secret. A secret that is not 32 bytes of a regular file turns the
 * cache off rather than being trusted or replaced.
 */
async function cacheSecret(base: string): Promise<Buffer | undefined> {
  const file = path.join(base, CACHE_SECRET_FILE);
  const existing = await readSecret(file);
  if (existing !== "absent") return existing;
  try {
    await mkdir(base, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temporary, randomBytes(SECRET_BYTES), { mode: 0o600 });
    try {
      await link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await rm(temporary, { force: true });
    }
  } catch {
    return undefined;
  }
  const made = await readSecret(file);
  return made === "absent" ? undefined : made;
}

async function readSecret(file: string): Promise<Buffer | undefined | "absent"> {
  try {
    const read = await readRegularFile(file, SECRET_BYTES);
    return read.bytes?.length === SECRET_BYTES ? Buffer.from(read.bytes) : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : undefined;
  }
}
