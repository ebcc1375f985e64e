import { describe, expect, it } from "vitest";
import { mapPacked, packedArray, packItems } from "../../src/report/packed.js";

const ITEMS = [{ id: 0, text: "Übersicht" }, { id: 1, nested: { list: [1, 2], none: null } }, { id: 2, text: "概述" }, { id: 3 }];

/** The same items as a plain array, split over lists of 2, 0 and 2 items. */
function packedItems() {
  return packedArray<(typeof ITEMS)[number]>([packItems(ITEMS.slice(0, 2)), packItems([]), packItems(ITEMS.slice(2))]);
}

describe("packedArray", () => {
  it("reads as the plain array it was packed from", () => {
    const packed = packedItems();
    expect(Array.isArray(packed)).toBe(true);
    expect(packed.length).toBe(4);
    expect(packed[2]).toEqual(ITEMS[2]);
    expect(packed[4]).toBeUndefined();
    expect(packed.at(-1)).toEqual(ITEMS[3]);
    expect([...packed]).toEqual(ITEMS);
    expect(packed.map((item) => item.id)).toEqual([0, 1, 2, 3]);
    expect(packed.filter((item) => "text" in item).map((item) => item.id)).toEqual([0, 2]);
    expect(packed.slice(1, 3)).toEqual(ITEMS.slice(1, 3));
    expect(Object.keys(packed)).toEqual(["0", "1", "2", "3"]);
    expect(2 in packed).toBe(true);
    expect(4 in packed).toBe(false);
    expect(JSON.stringify(packed, null, 2)).toBe(JSON.stringify(ITEMS, null, 2));
    expect(packed).toEqual(ITEMS);
  });

  it("gives the same object for an item read twice in a row, and refuses writes", () => {
    const packed = packedItems();
    expect(packed[1]).toBe(packed[1]);
    const writable = packed as unknown as Array<unknown>;
    expect(() => writable.push({ id: 4 })).toThrow("a packed report list is read-only");
    expect(() => {
      writable[0] = { id: 9 };
    }).toThrow(TypeError);
    expect(() => delete writable[0]).toThrow(TypeError);
    expect(packed).toEqual(ITEMS);
  });

  it("reads lists held as they are like deflated ones, mixed in any order", () => {
    const mixed = packedArray<(typeof ITEMS)[number]>([packItems(ITEMS.slice(0, 1), false), packItems(ITEMS.slice(1, 3)), packItems(ITEMS.slice(3), false)]);
    expect(JSON.stringify(mixed)).toBe(JSON.stringify(ITEMS));
    expect(mixed[0]).toBe(ITEMS[0]);
    expect(mixed[1]).not.toBe(ITEMS[1]);
  });

  it("is empty over no lists or only empty ones", () => {
    expect([...packedArray([])]).toEqual([]);
    expect(packedArray([packItems([]), packItems([])]).length).toBe(0);
  });
});

describe("mapPacked", () => {
  it("maps in order across several packed lists", () => {
    const numbers = Array.from({ length: 2500 }, (_, index) => index);
    const mapped = mapPacked(numbers, (number) => ({ double: number * 2 }));
    expect(mapped.length).toBe(2500);
    expect(mapped[1024]).toEqual({ double: 2048 });
    expect(mapped.map((item) => item.double)).toEqual(numbers.map((number) => number * 2));
  });

  it("holds a result of one run or less as it is", () => {
    const item = { id: 1 };
    expect(mapPacked([item], (entry) => entry)[0]).toBe(item);
  });
});
