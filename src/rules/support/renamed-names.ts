/**
 * Whether two code skeletons differ only in names a translator gave in the reader's language:
 * `def do_work()` → `def fazer_trabalho()`, `@layer my-reset` → `@layer ma-reinitialisation`,
 * `python YOUR_APP.py` → `python VOTRE_APP.py`. Such code runs the same, so it is noted, not a
 * translator's error. The evidence is language-independent:
 *
 * - the skeletons are equal once each name (a word, or words joined by `-`) is one unit, except at
 *   names;
 * - the renaming is consistent both ways: a source name always becomes the same name, and no two
 *   source names become one;
 * - the new name is used nowhere in the source document (its code, inline code and prose), so it
 *   is not another API name (`slug` → `link` is other code: the source uses `link` elsewhere);
 * - the name is no property (`.warning` → `.warn`), object key (`slug:`), flag (`--template`),
 *   keyword or literal (`true`, `null`), and has three letters or more;
 * - the name is made up by the sample (declared, used twice, a placeholder, or a phrase of three
 *   words or more), not a single word that may name another package or option;
 * - the new name is no near miss of the old one (`starlight` → `starlite` is a typo, not a
 *   translation), unless it is written in capitals, the way placeholders are.
 */

import { distance } from "fastest-levenshtein";

const WORD = /^[\p{L}\p{N}_$]+$/u;
const LETTERS = /\p{L}/gu;
/** Keywords and literals whose change is other code, whatever the vocabulary says. */
const RESERVED = new Set(
  "true false null nil none undefined yes no on off and or not in is if else elif for while do return break continue import export from as default const let var function def class new this self super public private protected static async await yield try catch finally throw raise with pass lambda fn func go chan select case switch struct interface type enum package use mod impl match loop where mut ref string int bool float number object any void".split(" "),
);
/** Below this share of edited characters a new name is a near miss of the old one. */
const NEAR_MISS = 0.34;

/** The units of a skeleton: tokens, with each run of words joined by `-` made one name. */
export function nameUnits(skeleton: string): string[] {
  const tokens = skeleton.split(" ").filter((token) => token !== "");
  const units: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (!WORD.test(token)) {
      units.push(token);
      continue;
    }
    let name = token;
    while (tokens[index + 1] === "-" && tokens[index + 2] !== undefined && WORD.test(tokens[index + 2]!)) {
      name += `-${tokens[index + 2]}`;
      index += 2;
    }
    units.push(name);
  }
  return units;
}

/** The names of a piece of prose or code, for the vocabulary. */
export function vocabularyWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}_$-]+/u).filter((word) => word !== "");
}

/**
 * The renamings (`old → new`, in order of appearance) when `from` and `to` differ only in
 * consistently renamed names; undefined when they differ otherwise (or not at all).
 */
export function renamedNames(from: readonly string[], to: readonly string[], vocabulary: ReadonlySet<string>): Array<[string, string]> | undefined {
  if (from.length !== to.length) return undefined;
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  for (let index = 0; index < from.length; index++) {
    const [before, after] = [from[index]!, to[index]!];
    if (before === after) continue;
    if (!renamable(from, index) || !renamable(to, index)) return undefined;
    if ((forward.get(before) ?? after) !== after || (backward.get(after) ?? before) !== before) return undefined;
    forward.set(before, after);
    backward.set(after, before);
  }
  if (forward.size === 0) return undefined;
  // Renamed in one place and kept in another is not one renaming.
  if (from.some((unit, index) => unit === to[index] && forward.has(unit))) return undefined;
  for (const [before, after] of forward) {
    if (vocabulary.has(after) || from.includes(after)) return undefined;
    if (!madeUp(before, from)) return undefined;
    if (!isCapitals(after) && distance(before, after) / Math.max(before.length, after.length) < NEAR_MISS) return undefined;
  }
  return [...forward];
}

/**
 * Whether a name is one the sample makes up, which a translator may translate: one it declares
 * (`def do_work`, `@layer my-reset`) or uses twice, a placeholder (`YOUR_APP`, `your-service-name`),
 * or a descriptive name of three words or more (`operationThatCouldFail`, `long-process-plugin`)
 * that is not in capitals (`OTEL_EBPF_OPEN_PORT` names a setting).
 * A single word used once (`--template starlight` → `basics`) may be another package or option.
 */
function madeUp(name: string, units: readonly string[]): boolean {
  if (units.filter((unit) => unit === name).length >= 2) return true;
  if (units.some((unit, index) => unit === name && DECLARES.has(units[index - 1] ?? ""))) return true;
  const parts = name.split(/[-_]+|(?<=\p{Ll})(?=\p{Lu})/u).filter((part) => part !== "");
  if (parts.some((part) => PLACEHOLDER_WORDS.has(part.toLowerCase()))) return true;
  // A constant or environment variable in capitals (`OTEL_EBPF_OPEN_PORT`) is an interface, not a phrase.
  return parts.length >= 3 && !isCapitals(name);
}

/** Words after which a name is declared. */
const DECLARES = new Set(["def", "function", "func", "fn", "class", "const", "let", "var", "val", "type", "interface", "struct", "enum", "layer"]);
/** Words that mark a placeholder in English samples. */
const PLACEHOLDER_WORDS = new Set(["your", "my", "example", "placeholder"]);

/** Whether the unit at `index` is a name a translator may rename. */
function renamable(units: readonly string[], index: number): boolean {
  const unit = units[index]!;
  if (!WORD.test(unit.replace(/-/g, "_")) || (unit.match(LETTERS)?.length ?? 0) < 3) return false;
  if (RESERVED.has(unit.toLowerCase())) return false;
  const [previous, next] = [units[index - 1], units[index + 1]];
  // A property or method (`.warning`), a flag (`--template`), a scope, decorator or at-rule (`@layer`).
  if (previous === "." || previous === "-" || previous === "@") return false;
  // A key (`slug:`), but not Go's `name :=`.
  if (next === ":" && units[index + 2] !== "=") return false;
  return true;
}

function isCapitals(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}
