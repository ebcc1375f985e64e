import { constants } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { NODE_FILE_SYSTEM, type FileSystem } from "./file-system.js";

/**
 * `O_NONBLOCK` keeps a named pipe from blocking the run forever on open; `O_NOFOLLOW` makes the
 * open fail if a link was swapped in after the caller's checks. Both are 0 where the platform lacks them.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
const READ_CHUNK_BYTES = 64 * 1024;

/** The file is not a regular file; the message says what it is, as a finding would. */
export class NotARegularFile extends Error {}

/**
 * The file's size and, unless it is over `limit`, its bytes: a file over the limit is never read,
 * and one that grows past it after `stat` is read no further than one byte over. Anything but a
 * regular file (a directory, a named pipe, a socket, a device) is refused before reading, without
 * blocking. Documents and cache entries are both read this way.
 */
export async function readRegularFile(target: string, limit: number, fileSystem: Pick<FileSystem, "open"> = NODE_FILE_SYSTEM): Promise<{ size: number; bytes?: Uint8Array }> {
  const handle = await fileSystem.open(target, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new NotARegularFile("it is a directory");
    if (!stats.isFile()) throw new NotARegularFile(`it is ${stats.isFIFO() ? "a named pipe" : stats.isSocket() ? "a socket" : "a device"}, not a regular file`);
    if (stats.size > limit) return { size: stats.size };
    const bytes = await readAtMost(handle, limit + 1, stats.size);
    return bytes.length > limit ? { size: bytes.length } : { size: bytes.length, bytes };
  } finally {
    await handle.close();
  }
}

/**
 * Up to `limit` bytes. The first read asks for one byte more than `stat` said, so a file that
 * stayed the same size is read in one call, and one that grew is read on in chunks up to the limit.
 */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  let request = Math.min(expected + 1, limit);
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(request);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    // Fewer bytes than asked for, and all that `stat` said: the end of the file, without the read that returns none.
    if (bytesRead < chunk.length && total >= expected) break;
    request = Math.min(Math.max(READ_CHUNK_BYTES, expected - total + 1), limit - total);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
