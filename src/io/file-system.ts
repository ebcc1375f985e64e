import type fg from "fast-glob";
import fs from "node:fs";
import { lstat, open, realpath, type FileHandle } from "node:fs/promises";

/**
 * Every file system call the engine makes while discovering and reading documents. Production
 * uses `node:fs`; tests substitute one to list directories in another order, or to make a file
 * vanish or refuse access between discovery and reading, the way a busy CI runner can.
 */
export interface FileSystem {
  /** What discovery walks directories with: fast-glob's adapter, which `node:fs` satisfies. */
  listing: Partial<fg.FileSystemAdapter>;
  lstat(file: string): Promise<fs.Stats>;
  realpath(file: string): Promise<string>;
  open(file: string, flags: number): Promise<FileHandle>;
}

export const NODE_FILE_SYSTEM: FileSystem = { listing: fs, lstat, realpath, open };
