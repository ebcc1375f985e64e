import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import path from "node:path";
import type { ParsedDocument } from "../model/document.js";
import { oversizeDocument, parseDocument, unusableDocument, type ParseLimits } from "../parse/document.js";
import type { DocumentCache } from "./cache.js";

/** A file's bytes, or why they were not read. `hash` identifies the outcome, for caches. */
export type FileRead =
  | { kind: "bytes"; file: string; bytes: Uint8Array; hash: string }
  | { kind: "oversize"; file: string; size: number; hash: string }
  | { kind: "unreadable"; file: string; reason: string; hash: string };

/**
 * Reads one file for checking. A file over the size limit is not read past the limit: its size is
 * all that is reported. A file that cannot be read (gone since discovery, no permission, a
 * directory) is recorded as such: one bad file never stops the run.
 */
export async function readForCheck(root: string, file: string, limits: ParseLimits): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path.join(root, file), "r");
    const { size } = await handle.stat();
    if (size > limits.maxFileBytes) return { kind: "oversize", file, size, hash: hashText(`oversize:${size}`) };
    const bytes = await handle.readFile();
    return { kind: "bytes", file, bytes, hash: createHash("sha256").update(bytes).digest("hex") };
  } catch (error) {
    const reason = describeReadError(error);
    return { kind: "unreadable", file, reason, hash: hashText(`unreadable:${reason}`) };
  } finally {
    await handle?.close();
  }
}

/** Parses what was read, through the cache when there is one. */
export async function toDocument(read: FileRead, limits: ParseLimits, cache?: DocumentCache): Promise<ParsedDocument> {
  if (read.kind === "oversize") return oversizeDocument(read.file, read.size, limits);
  if (read.kind === "unreadable") return unusableDocument(read.file, [{ ruleId: "parse-error", message: `the file cannot be read (${read.reason})` }]);
  const cached = await cache?.getDocument(read.file, read.hash);
  if (cached) return cached;
  const document = parseDocument(read.file, read.bytes, limits);
  await cache?.setDocument(read.file, read.hash, document);
  return document;
}

/** Reads and parses one file. */
export async function loadDocument(root: string, file: string, limits: ParseLimits, cache?: DocumentCache): Promise<ParsedDocument> {
  return toDocument(await readForCheck(root, file, limits), limits, cache);
}

function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "it was deleted while the check ran";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ELOOP":
      return "a symbolic link loop";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
