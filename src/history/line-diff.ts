import { diffLines } from "diff";

/**
 * Past this many lines added and removed, the diff stops: jsdiff's work grows with the file's
 * length times the edits, so a 20,000-line rewrite took 68 s. A source changed this much is
 * counted as rewritten: every line of both versions.
 */
export const MAX_LINE_EDITS = 2000;

/** Lines added plus lines removed between two texts; every line of both where more than MAX_LINE_EDITS changed. */
export function changedLineCount(before: string, after: string): number {
  const changes = diffLines(before, after, { maxEditLength: MAX_LINE_EDITS });
  if (changes === undefined) return lineCount(before) + lineCount(after);
  let count = 0;
  for (const change of changes) if (change.added || change.removed) count += change.count ?? 0;
  return count;
}

function lineCount(text: string): number {
  if (text === "") return 0;
  let count = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < text.length - 1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
