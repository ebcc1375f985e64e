import { createHash } from "node:crypto";
import { constants } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import type { ParsedDocument } from "../model/document.js";
import { parseDocument, tooLargeProblem, unusableDocument, type ParseLimits } from "../parse/document.js";
import type { DocumentCache } from "./cache.js";

/**
 * `O_NONBLOCK` keeps a named pipe from blocking the run forever on open; `O_NOFOLLOW` makes the
 * open fail if a link was swapped in after the checks below. Both are 0 where the platform lacks them.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
const READ_CHUNK_BYTES = 64 * 1024;

/** A file's bytes, or why they were not read. `hash` identifies the outcome, for caches. */
export type FileRead =
  | { kind: "bytes"; file: string; bytes: Uint8Array; hash: string }
  | { kind: "oversize"; file: string; size: number; hash: string }
  | { kind: "unreadable"; file: string; reason: string; hash: string };

/** Why a file was not parsed, as the `parse-error` finding says it. */
class Unreadable extends Error {}

/**
 * Reads one file for checking. A file that cannot be read (gone since discovery, no permission, a
 * directory, a pipe, a link out of the tree or in a circle) or is too large is recorded as such,
 * never thrown: one bad file never stops the run. A file over the size limit is never read.
 */
export async function readForCheck(root: string, file: string, limits: ParseLimits, fileSystem: FileSystem = NODE_FILE_SYSTEM): Promise<FileRead> {
  try {
    const read = await readRegularFile(await resolveInsideRoot(root, file, fileSystem), limits.maxFileBytes, fileSystem);
    if (read.bytes === undefined) return { kind: "oversize", file, size: read.size, hash: hashText(`oversize:${read.size}`) };
    return { kind: "bytes", file, bytes: read.bytes, hash: createHash("sha256").update(read.bytes).digest("hex") };
  } catch (error) {
    const reason = error instanceof Unreadable ? error.message : describeReadError(error);
    return { kind: "unreadable", file, reason, hash: hashText(`unreadable:${reason}`) };
  }
}

/** Parses what was read, through the cache when there is one. */
export async function toDocument(read: FileRead, limits: ParseLimits, cache?: DocumentCache): Promise<ParsedDocument> {
  if (read.kind === "oversize") return unusableDocument(read.file, [tooLargeProblem(read.size, limits.maxFileBytes)]);
  if (read.kind === "unreadable") return unusableDocument(read.file, [{ ruleId: "parse-error", message: `the file cannot be read (${read.reason})` }]);
  const cached = await cache?.getDocument(read.file, read.hash);
  if (cached) return cached;
  const document = parseDocument(read.file, read.bytes, limits);
  await cache?.setDocument(read.file, read.hash, document);
  return document;
}

/** Reads and parses one file. */
export async function loadDocument(root: string, file: string, limits: ParseLimits, fileSystem: FileSystem = NODE_FILE_SYSTEM, cache?: DocumentCache): Promise<ParsedDocument> {
  return toDocument(await readForCheck(root, file, limits, fileSystem), limits, cache);
}

/** The path to read: the file itself, or where its symbolic link leads if that is inside the tree. */
async function resolveInsideRoot(root: string, file: string, fileSystem: FileSystem): Promise<string> {
  const absolute = path.join(root, file);
  if (!(await fileSystem.lstat(absolute)).isSymbolicLink()) return absolute;
  let target: string;
  try {
    target = await fileSystem.realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new Unreadable("it is a symbolic link loop");
    if (code === "ENOENT") throw new Unreadable("it is a symbolic link to a file that does not exist");
    throw error;
  }
  // The real root, since the root itself may sit under a link (a temporary directory often does).
  const relative = path.relative(await fileSystem.realpath(root), target);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new Unreadable("it is a symbolic link to a place outside the tree, which is never followed");
  }
  return target;
}

/**
 * The file's size and, unless it is over `limit`, its bytes: a file over the limit is never read,
 * and one that grows past it after `stat` is read no further than one byte over. Anything but a
 * regular file is refused before reading.
 */
async function readRegularFile(target: string, limit: number, fileSystem: FileSystem): Promise<{ size: number; bytes?: Uint8Array }> {
  const handle = await fileSystem.open(target, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new Unreadable("it is a directory");
    if (!stats.isFile()) throw new Unreadable(`it is ${stats.isFIFO() ? "a named pipe" : stats.isSocket() ? "a socket" : "a device"}, not a regular file`);
    if (stats.size > limit) return { size: stats.size };
    const bytes = await readAtMost(handle, limit + 1);
    return bytes.length > limit ? { size: bytes.length } : { size: bytes.length, bytes };
  } finally {
    await handle.close();
  }
}

async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(READ_CHUNK_BYTES, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
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
      return "it is a symbolic link loop";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
