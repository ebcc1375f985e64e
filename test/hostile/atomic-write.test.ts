import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, type WriteFileSystem } from "../../src/util/atomic-write.js";
import { makeTree } from "../support/fixtures.js";

const PREVIOUS = '{ "findings": ["the previous report"] }\n';
const NEXT = `{ "findings": [${Array(1000).fill('"a finding"').join(", ")}] }\n`;

/** Node's calls, with one replaced. */
function failing(overrides: Partial<WriteFileSystem>): WriteFileSystem {
  return { mkdir, writeFile: (file, content) => writeFile(file, content), rename, rm, ...overrides };
}

describe("writing a report atomically", () => {
  it.each([
    ["the disk fills up halfway through the write", failing({
      writeFile: async (file, content) => {
        const whole = typeof content === "string" || content instanceof Uint8Array ? content : [...content].join("");
        await writeFile(file, whole.slice(0, whole.length / 2));
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    })],
    ["the rename over the old report fails", failing({ rename: async () => Promise.reject(Object.assign(new Error("EXDEV: cross-device link"), { code: "EXDEV" })) })],
  ])("leaves the previous report whole when %s, and no temporary file behind", async (_case, fileSystem) => {
    const root = await makeTree({ "reports/drift.json": PREVIOUS });
    const target = path.join(root, "reports/drift.json");
    await expect(writeFileAtomic(target, NEXT, fileSystem)).rejects.toThrow(/ENOSPC|EXDEV/);
    expect(await readFile(target, "utf8")).toBe(PREVIOUS);
    expect(await readdir(path.join(root, "reports"))).toEqual(["drift.json"]);
  });

  it("replaces the report when nothing fails", async () => {
    const root = await makeTree({ "reports/drift.json": PREVIOUS });
    const target = path.join(root, "reports/drift.json");
    await writeFileAtomic(target, NEXT);
    expect(await readFile(target, "utf8")).toBe(NEXT);
    expect(await readdir(path.join(root, "reports"))).toEqual(["drift.json"]);
  });

  it("creates the directory of a first report", async () => {
    const root = await makeTree({});
    await writeFileAtomic(path.join(root, "reports/new/drift.json"), NEXT);
    expect(await readFile(path.join(root, "reports/new/drift.json"), "utf8")).toBe(NEXT);
  });
});
