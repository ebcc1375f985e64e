import { lineDiff } from "diff";

/**
 * Past this many lines added and removed, the count stops: the work grows with the file's length
 * times the edits (jsdiff took 68 s on a 20,000-line rewrite). A source changed this much is
 * counted as rewritten: every line of both versions.
 */
export const MAX_LINE_EDITS = 2000;

/**
 * Lines added plus lines removed between two texts, as jsdiff's `diffLines` counts them (its own
 * line tokens, a shortest edit); every line of both where more than MAX_LINE_EDITS changed.
 * Written here because only the count is needed: jsdiff builds the edit script, an object per
 * step of its search, and took 2% of a history check doing so. The lines both texts start and end
 * with are set aside first (a shortest edit keeps them), and the rest is the length of a shortest
 * edit, by Myers' algorithm on line numbers. A test compares it with `diffLines`.
 */
export function changedLineCount(before: string, after: string): number {
  const old = lineDiff.tokenize(before, {});
  const now = lineDiff.tokenize(after, {});
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let end = 0;
  while (end < old.length - start && end < now.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
  const ids = new Map<string, number>();
  const idsOf = (lines: string[]): Int32Array => {
    const result = new Int32Array(lines.length - start - end);
    for (let index = 0; index < result.length; index++) {
      const line = lines[start + index]!;
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      result[index] = id;
    }
    return result;
  };
  const edits = shortestEdit(idsOf(old), idsOf(now), MAX_LINE_EDITS);
  return edits === undefined ? old.length + now.length : edits;
}

/** The number of insertions and deletions in a shortest edit from `a` to `b` (Myers, 1986), or undefined past `max`. */
function shortestEdit(a: Int32Array, b: Int32Array, max: number): number | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(max, n + m);
  const offset = limit + 1;
  // furthest[offset + k]: the furthest x reached on diagonal k = x - y.
  const furthest = new Int32Array(2 * limit + 3);
  for (let edits = 0; edits <= limit; edits++) {
    for (let k = -edits; k <= edits; k += 2) {
      const down = k === -edits || (k !== edits && furthest[offset + k - 1]! < furthest[offset + k + 1]!);
      let x = down ? furthest[offset + k + 1]! : furthest[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) return edits;
    }
  }
  return undefined;
}
