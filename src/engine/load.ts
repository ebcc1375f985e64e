import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ParsedDocument } from "../model/document.js";
import { parseDocument, type ParseLimits } from "../parse/document.js";

/**
 * Reads and parses one file. A file that cannot be read (gone since discovery, no permission, a
 * directory) becomes an unusable document with a `parse-error` problem: one bad file never
 * stops the run.
 */
export async function loadDocument(root: string, file: string, limits: ParseLimits): Promise<ParsedDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    return {
      ...parseDocument(file, new Uint8Array(0), limits),
      usable: false,
      problems: [{ ruleId: "parse-error", message: `the file cannot be read (${describeReadError(error)})` }],
    };
  }
  return parseDocument(file, bytes, limits);
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
