import { createHash } from "node:crypto";
import { constants } from "node:fs";
import path from "node:path";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { NotARegularFile, readRegularFile } from "../io/regular-file.js";
import type { ParsedDocument } from "../model/document.js";
import { parseDocument, tooLargeProblem, unusableDocument, type ParseLimits } from "../parse/document.js";
import type { DocumentCache } from "./cache.js";

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
    const read = await readInsideRoot(root, file, limits.maxFileBytes, fileSystem);
    if (read.bytes === undefined) return { kind: "oversize", file, size: read.size, hash: hashText(`oversize:${read.size}`) };
    return { kind: "bytes", file, bytes: read.bytes, hash: createHash("sha256").update(read.bytes).digest("hex") };
  } catch (error) {
    const reason = error instanceof Unreadable || error instanceof NotARegularFile ? error.message : describeReadError(error);
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

/**
 * Reads the file, or where its symbolic link leads if that is inside the tree. Where the platform
 * has `O_NOFOLLOW`, the file is opened first and a link found only when that open refuses it: one
 * system call fewer per file than asking `lstat` first, on the 5,922 files a warm run reads.
 */
async function readInsideRoot(root: string, file: string, limit: number, fileSystem: FileSystem): Promise<{ size: number; bytes?: Uint8Array }> {
  if (constants.O_NOFOLLOW) {
    try {
      return await readRegularFile(path.join(root, file), limit, fileSystem);
    } catch (error) {
      // Linux and macOS refuse a link as the last part of the path with ELOOP under O_NOFOLLOW.
      if ((error as NodeJS.ErrnoException).code !== "ELOOP") throw error;
    }
  }
  return readRegularFile(await resolveInsideRoot(root, file, fileSystem), limit, fileSystem);
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
