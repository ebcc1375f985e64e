/** Code-unit order: stable across machines, unlike `localeCompare`, which varies with ICU. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
