/** `1 file`, `2 files`: the count and the noun, with an `s` unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The values without repeats, in the order they first appear. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * A copy of `text` that holds only its own characters. V8 may keep a substring as a view of the
 * whole string it was cut from, so an id kept from a parsed document can keep the document's text
 * alive (on the generated tree, notes of ids and pairs made that way held 45 MiB more at the peak).
 * A string made by `JSON.parse` is always a fresh one.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
