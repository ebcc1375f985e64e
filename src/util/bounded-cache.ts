/** How a `BoundedCache` is bounded: by entries, by bytes, or both. */
export interface CacheBounds<Value> {
  /** At most this many entries; unbounded when absent. */
  maxEntries?: number;
  /** At most this many bytes, as `sizeOf` counts them; unbounded when absent. */
  maxBytes?: number;
  /** The size of a value in bytes; required with `maxBytes`. */
  sizeOf?: (value: Value) => number;
}

/**
 * An in-memory least-recently-used cache, bounded by entries and/or bytes, so that memory does not
 * grow with the tree or the history. A read makes an entry the most recent; a write that goes over
 * a bound drops the least recent entries until it fits; a value larger than `maxBytes` on its own
 * is not kept. Hand-written because a `Map` (which iterates in insertion order) is all it takes.
 */
export class BoundedCache<Key, Value> {
  readonly #entries = new Map<Key, { value: Value; bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: Value) => number;
  #bytes = 0;

  constructor(bounds: CacheBounds<Value>) {
    if (bounds.maxBytes !== undefined && bounds.sizeOf === undefined) throw new TypeError("a cache bounded by bytes needs sizeOf");
    this.#maxEntries = bounds.maxEntries ?? Infinity;
    this.#maxBytes = bounds.maxBytes ?? Infinity;
    this.#sizeOf = bounds.sizeOf ?? (() => 0);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as `sizeOf` counts them; 0 for a cache bounded by entries only. */
  get bytes(): number {
    return this.#bytes;
  }

  has(key: Key): boolean {
    return this.#entries.has(key);
  }

  get(key: Key): Value | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key); // re-inserted as the most recent
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: Key, value: Value): void {
    this.delete(key);
    const bytes = this.#sizeOf(value);
    if (bytes > this.#maxBytes || this.#maxEntries < 1) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: Key): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
