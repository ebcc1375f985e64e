import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/util/bounded-cache.js";

describe("BoundedCache", () => {
  it("keeps at most maxEntries, dropping the least recently used", () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it("keeps at most maxBytes, and never a value larger than the bound on its own", () => {
    const cache = new BoundedCache<string, string>({ maxBytes: 10, sizeOf: (value) => value.length });
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    cache.set("c", "cccc");
    expect([cache.has("a"), cache.has("b"), cache.has("c"), cache.bytes]).toEqual([false, true, true, 8]);
    cache.set("big", "x".repeat(11));
    expect([cache.has("big"), cache.has("b"), cache.bytes]).toEqual([false, true, 8]);
  });

  it("counts a replaced value once", () => {
    const cache = new BoundedCache<string, string>({ maxBytes: 10, sizeOf: (value) => value.length });
    cache.set("a", "aaaa");
    cache.set("a", "aaaaaa");
    expect([cache.get("a"), cache.size, cache.bytes]).toEqual(["aaaaaa", 1, 6]);
  });

  it("refuses a bound by bytes without a way to measure them", () => {
    expect(() => new BoundedCache({ maxBytes: 1 })).toThrow("a cache bounded by bytes needs sizeOf");
  });
});
