import { diffLines } from "diff";

/** Lines added plus lines removed between two texts. */
export function changedLineCount(before: string, after: string): number {
  let count = 0;
  for (const change of diffLines(before, after)) if (change.added || change.removed) count += change.count ?? 0;
  return count;
}
