import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnchorIndex } from "../../src/engine/anchor-index.js";
import { DEFAULT_PARSE_LIMITS, parseDocument } from "../../src/parse/document.js";
import { makeTree } from "../support/fixtures.js";

describe("AnchorIndex", () => {
  it("reads the ids of linked files on demand: headings, explicit anchors, HTML ids", async () => {
    const root = await makeTree({ "locales/de/create.md": '# Erstellen\n\n## <a name="portal"></a>Im Portal\n\n<div id="limits"></div>\n' });
    const index = new AnchorIndex(root, DEFAULT_PARSE_LIMITS);
    expect(await index.idsOf("locales/de/create.md")).toEqual(["erstellen", "im-portal", "limits", "portal"]);
    expect(await index.idsOf("locales/de/absent.md")).toBeNull();
  });

  it("gathers the files a document links into with a fragment, and nothing else", async () => {
    const root = await makeTree({ "locales/de/create.md": "# Erstellen\n" });
    const document = parseDocument("locales/de/guide.md", new TextEncoder().encode("# A\n\n[x](create.md#erstellen) [y](#a) [z](https://example.com/a.md#b) [w](plan.md)\n"));
    expect((await new AnchorIndex(root, DEFAULT_PARSE_LIMITS).linkedIds(document)).ids).toEqual({ "locales/de/create.md": ["erstellen"] });
  });

  it("keeps at most `capacity` files, dropping the least recently used", async () => {
    const root = await makeTree({ "a.md": "# One\n", "b.md": "# Two\n" });
    const index = new AnchorIndex(root, DEFAULT_PARSE_LIMITS, undefined, 1);
    expect(await index.idsOf("a.md")).toEqual(["one"]);
    await writeFile(path.join(root, "a.md"), "# Changed\n");
    expect(await index.idsOf("a.md")).toEqual(["one"]); // still cached
    await index.idsOf("b.md"); // evicts a.md
    expect(await index.idsOf("a.md")).toEqual(["changed"]);
  });
});
