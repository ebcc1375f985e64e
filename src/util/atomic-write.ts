import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** The calls an atomic write makes; tests substitute a `writeFile` that fails halfway. */
export interface WriteFileSystem {
  mkdir: (directory: string, options: { recursive: true }) => Promise<unknown>;
  /** Writes text as UTF-8 (whole, or piece by piece), bytes as they are. */
  writeFile: (file: string, content: string | Uint8Array | Iterable<string>) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (file: string, options: { force: true }) => Promise<void>;
}

const NODE_WRITE_FILE_SYSTEM: WriteFileSystem = { mkdir, writeFile: (file, content) => writeFile(file, content), rename, rm };

/**
 * Writes a file so that readers see the old content or the new, never half of it: the content
 * goes to a temporary file in the same directory (same file system), which is then renamed over
 * the target. A failure removes the temporary file and leaves the target untouched. Reports and
 * cache entries (which parallel workers write) both go through here.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array | Iterable<string>, fileSystem: WriteFileSystem = NODE_WRITE_FILE_SYSTEM): Promise<void> {
  await fileSystem.mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fileSystem.writeFile(temporary, content);
    await fileSystem.rename(temporary, target);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true });
    throw error;
  }
}
