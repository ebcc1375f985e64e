import path from "node:path";

/** A path with `/` separators, as findings and reports write every path on every platform. */
export function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}
