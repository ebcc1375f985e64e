/** `1 file`, `2 files`: the count and the noun, with an `s` unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The values without repeats, in the order they first appear. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
