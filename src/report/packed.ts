import { deflateRawSync, inflateRawSync } from "node:zlib";
import { lastAtMost } from "../util/sorted.js";

/**
 * Items held as deflated JSON, or as they are. A report keeps its findings and outlines deflated
 * while it is built and written: on the generated 1,000-article tree they are 16 MB of JSON, 23 MB
 * as objects and 3 MB deflated one article at a time, and at 100,000 files the objects were most
 * of the memory. Deflating and reading them back costs time (0.4 s on that tree's warm run of
 * 1.4 s), so results read from the cache of a small tree are held as they are (the engine's
 * `DeflatePolicy` decides).
 * Deflated items must be JSON data (no `undefined` values, functions or cycles), as a report's are.
 */
export type PackedItems = { count: number; bytes: Uint8Array } | { count: number; items: readonly unknown[] };

/** Level 1: most of the saving (5.3 times smaller against 6 times at level 6) at a quarter less time. */
export function packItems(items: readonly unknown[], deflate = true): PackedItems {
  if (!deflate) return { count: items.length, items };
  // Copied out: zlib's output is a view of a larger buffer, which would be kept, and sent to the
  // main thread whole, with every list (about 30 KB an article on the generated tree, against 3 KB).
  return { count: items.length, bytes: new Uint8Array(deflateRawSync(JSON.stringify(items), { level: 1 })) };
}

export function unpackItems<T>(packed: PackedItems): readonly T[] {
  return "items" in packed ? (packed.items as readonly T[]) : (JSON.parse(inflateRawSync(packed.bytes).toString("utf8")) as T[]);
}

/**
 * A read-only array over packed lists, in their order: indexing, `length`, iteration, the array
 * methods and `JSON.stringify` work as on the plain array, and `Array.isArray` is true. A deflated
 * item is decoded when it is read; the list last read is kept decoded, so reading in order decodes
 * each list once, and the same item read twice in a row is the same object. Writes throw a
 * TypeError.
 *
 * A Proxy, not a class: every reporter, the verdict and the API's callers read a report's lists as
 * arrays, and an array they stay.
 */
export function packedArray<T>(lists: readonly PackedItems[]): readonly T[] {
  const starts: number[] = [];
  let length = 0;
  for (const list of lists) {
    starts.push(length);
    length += list.count;
  }
  let decoded: { list: number; items: readonly T[] } | undefined;
  const itemAt = (index: number): T => {
    const list = listOf(starts, index);
    if (decoded?.list !== list) decoded = { list, items: unpackItems<T>(lists[list]!) };
    return decoded.items[index - starts[list]!]!;
  };
  const indexOf = (key: string | symbol): number | undefined => {
    if (typeof key !== "string") return undefined;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < length && String(index) === key ? index : undefined;
  };
  const readOnly = (): never => {
    throw new TypeError("a packed report list is read-only");
  };
  return new Proxy(new Array<T>(length), {
    get: (target, key, receiver) => {
      const index = indexOf(key);
      return index === undefined ? Reflect.get(target, key, receiver) : itemAt(index);
    },
    has: (target, key) => indexOf(key) !== undefined || Reflect.has(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      const index = indexOf(key);
      return index === undefined ? Reflect.getOwnPropertyDescriptor(target, key) : { value: itemAt(index), writable: false, enumerable: true, configurable: true };
    },
    ownKeys: (target) => [...Array.from({ length }, (_, index) => String(index)), ...Reflect.ownKeys(target)],
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

/** The list holding item `index`: the last whose start is at most `index`. */
function listOf(starts: readonly number[], index: number): number {
  // An empty list shares its start with the next list, so the last such start is a list with items.
  return lastAtMost(starts, index);
}

/** Items mapped per packed list of this many, when a packed list is mapped to another. */
const ITEMS_PER_LIST = 1024;

/**
 * `items.map(map)`, packed as it goes: a list mapped item by item is never whole in memory. A
 * result of one run or less is held as it is.
 */
export function mapPacked<T, U>(items: Iterable<T>, map: (item: T) => U): readonly U[] {
  const lists: PackedItems[] = [];
  let run: U[] = [];
  for (const item of items) {
    run.push(map(item));
    if (run.length < ITEMS_PER_LIST) continue;
    lists.push(packItems(run));
    run = [];
  }
  if (run.length > 0) lists.push(packItems(run, lists.length > 0));
  return packedArray<U>(lists);
}
