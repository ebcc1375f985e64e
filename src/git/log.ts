/** One change to one file in one commit, from `git log --raw -z`. */
export interface FileChange {
  /** `A`, `M`, `D`, `R` (rename), `C` (copy), `T` (type change). */
  status: string;
  /** The path before the change (renames and copies), else the path. */
  oldPath: string;
  path: string;
  /** Blob ids before and after; all zeros where there is none. */
  oldBlob: string;
  blob: string;
}

export interface Commit {
  hash: string;
  parents: string[];
  /** Committer date, seconds since the epoch. */
  time: number;
  message: string;
  changes: FileChange[];
}

/** The format the parser reads: a record separator, then hash, parents, date, message. */
export const LOG_FORMAT = "--format=%x1e%H%x1f%P%x1f%ct%x1f%B";

const RECORD = 0x1e;
const FIELD = "\x1f";
const NUL = 0;

/**
 * Parses `git log -z --raw --no-abbrev -M` output with LOG_FORMAT. With `-z` every path ends in a
 * NUL and is never quoted, so any file name reads back exactly; a message cannot hold a NUL.
 */
export function parseRawLog(output: Buffer): Commit[] {
  const commits: Commit[] = [];
  let at = 0;
  while (at < output.length) {
    if (output[at] !== RECORD) {
      at++; // the newline git writes between a message and its changes
      continue;
    }
    const headerEnd = indexOrEnd(output, NUL, at + 1);
    const [hash = "", parents = "", time = "0", ...message] = output.toString("utf8", at + 1, headerEnd).split(FIELD);
    const commit: Commit = { hash, parents: parents === "" ? [] : parents.split(" "), time: Number(time), message: message.join(FIELD), changes: [] };
    at = headerEnd + 1;
    while (at < output.length && output[at] !== RECORD) {
      if (output[at] !== 0x3a /* ':' */) {
        at++;
        continue;
      }
      const metaEnd = indexOrEnd(output, NUL, at);
      const [, , oldBlob = "", blob = "", statusField = ""] = output.toString("utf8", at + 1, metaEnd).split(" ");
      const status = statusField.charAt(0);
      const firstEnd = indexOrEnd(output, NUL, metaEnd + 1);
      const first = output.toString("utf8", metaEnd + 1, firstEnd);
      at = firstEnd + 1;
      let path = first;
      if (status === "R" || status === "C") {
        const secondEnd = indexOrEnd(output, NUL, at);
        path = output.toString("utf8", at, secondEnd);
        at = secondEnd + 1;
      }
      commit.changes.push({ status, oldPath: first, path, oldBlob, blob });
    }
    commits.push(commit);
  }
  return commits;
}

function indexOrEnd(buffer: Buffer, byte: number, from: number): number {
  const index = buffer.indexOf(byte, from);
  return index === -1 ? buffer.length : index;
}
