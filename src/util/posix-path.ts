import path from "node:path";

/** A path with `/` separators, as findings and reports write every path on every platform. */
export function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}

/** Whether `target` is `directory` or below it (both absolute); `..foo` is a name, not a way up. */
export function isWithin(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
