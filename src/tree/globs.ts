import { DriftError } from "../errors.js";

/** More patterns than any real include list; fast-glob walks the tree once per expanded pattern. */
export const MAX_GLOB_EXPANSIONS = 1000;

/**
 * Refuses a configured glob that would leave the directory it is relative to (`..` or an absolute
 * path: discovery would read outside the tree), or whose braces expand to more than
 * `MAX_GLOB_EXPANSIONS` patterns (`{a,b}` 22 times is four million walks). `key` names it.
 */
export function checkGlob(glob: string, key: string): void {
  if (glob.startsWith("/") || /^[A-Za-z]:[\\/]/.test(glob) || glob.split(/[\\/]/).includes("..")) {
    throw new DriftError("CONFIG_INVALID", `\`${key}\`: \`${glob}\` leads outside the directory it is relative to; globs may not be absolute or contain \`..\``);
  }
  if (braceExpansions(glob) > MAX_GLOB_EXPANSIONS) {
    throw new DriftError("CONFIG_INVALID", `\`${key}\`: the braces of \`${glob}\` expand to more than ${MAX_GLOB_EXPANSIONS} patterns`);
  }
}

/**
 * How many patterns brace expansion makes of a glob, counted without expanding (the `braces`
 * package fast-glob uses has no count, and expanding is the cost to avoid): a sequence multiplies,
 * a `{a,b}` group adds its alternatives, a `{1..9}` range counts its values. The count stops
 * growing once past the limit. An unbalanced brace is literal, as in `braces`.
 */
export function braceExpansions(glob: string): number {
  return sequence(glob, 0, false).count;
}

const CAP = MAX_GLOB_EXPANSIONS + 1;

interface Parsed {
  count: number;
  /** Index after what was parsed: the `}` or `,` that ended it, or the end. */
  end: number;
}

function sequence(glob: string, start: number, inGroup: boolean): Parsed {
  let count = 1;
  let index = start;
  while (index < glob.length) {
    const char = glob[index];
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (inGroup && (char === "," || char === "}")) return { count, end: index };
    if (char === "{") {
      const group = braceGroup(glob, index);
      if (group !== undefined) {
        count = Math.min(CAP, count * group.count);
        index = group.end + 1;
        continue;
      }
    }
    index++;
  }
  return { count, end: index };
}

/** The group opening at `open`, or undefined when it never closes (then `{` is literal). */
function braceGroup(glob: string, open: number): Parsed | undefined {
  const range = /^\{(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?\}/.exec(glob.slice(open));
  if (range) {
    const [from, to] = [range[1]!, range[2]!].map((bound) => (/^-?\d+$/.test(bound) ? Number(bound) : bound.charCodeAt(0)));
    const step = Math.max(1, Math.abs(Number(range[3] ?? 1)));
    return { count: Math.min(CAP, Math.floor(Math.abs(to! - from!) / step) + 1), end: open + range[0].length - 1 };
  }
  let total = 0;
  let alternatives = 0;
  let index = open + 1;
  for (;;) {
    const alternative = sequence(glob, index, true);
    if (alternative.end >= glob.length) return undefined;
    total = Math.min(CAP, total + alternative.count);
    alternatives++;
    if (glob[alternative.end] === "}") return { count: alternatives < 2 ? 1 : total, end: alternative.end };
    index = alternative.end + 1;
  }
}
