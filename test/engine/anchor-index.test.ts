import { open, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnchorIndex } from "../../src/engine/anchor-index.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../../src/io/file-system.js";
import { DEFAULT_PARSE_LIMITS, parseDocument } from "../../src/parse/document.js";
import { makeTree } from "../support/fixtures.js";
import { createHash } from "node:crypto";
import { alignSections } from "../../src/align/align.js";
import type { DocumentCache } from "../../src/engine/cache.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

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

  it("parses a linked source page once for every locale that links to it", async () => {
    const root = await makeTree({
      "en/guides/setup.md": "# Setup\n\n## Install\n\nSteps.\n",
      "de/guides/setup.md": "# Einrichtung\n\n## Installieren\n\nSchritte.\n",
      "fr/guides/setup.md": "# Configuration\n\n## Installer\n\nÉtapes.\n",
    });
    const opened: string[] = [];
    const counting: FileSystem = { ...NODE_FILE_SYSTEM, open: (file, flags) => (opened.push(path.relative(root, file)), open(file, flags)) };
    const index = new AnchorIndex(root, DEFAULT_PARSE_LIMITS, undefined, undefined, counting);
    const linkedFrom = (locale: string) => parseDocument(`${locale}/start.md`, new TextEncoder().encode(`# Start\n\n[x](/${locale}/guides/setup/#install)\n`));

    const translated = { de: { einrichtung: "setup", installieren: "install" }, fr: { configuration: "setup", installer: "install" } };
    for (const locale of ["de", "fr"] as const) {
      const { sections } = await index.linkedSections([linkedFrom(locale)], { article: "start.md", sourceDir: "en/", localeDir: `${locale}/`, locales: new Set([locale, "en"]) });
      expect(sections["guides/setup"]).toEqual({ source: { setup: "setup", install: "install" }, translation: translated[locale] });
    }
    expect(opened.filter((file) => file.startsWith("en/")).sort()).toEqual(["en/guides/setup.md"]);
    expect(opened.filter((file) => !file.startsWith("en/")).sort()).toEqual(["de/guides/setup.md", "fr/guides/setup.md"]);
  });

  it("does not parse again a page a check noted, unless the file changed since", async () => {
    const files = { "en/guides/setup.md": "# Setup\n\n## Install\n\nSteps.\n", "de/guides/setup.md": "# Einrichtung\n\n## Installieren\n\nSchritte.\n" };
    const root = await makeTree(files);
    // Every parse of the index goes through the document cache's lookup first: counting lookups counts parses.
    const parsed: string[] = [];
    const counting: DocumentCache = { getDocument: async (file) => (parsed.push(file), undefined), setDocument: async () => {}, getArticle: async () => undefined, setArticle: async () => {} };
    const checked = (file: string) => ({ document: parseDocument(file, new TextEncoder().encode(files[file as keyof typeof files])), hash: sha256(files[file as keyof typeof files]) });
    const locales = new Set(["de", "en"]);
    const scope = { article: "start.md", sourceDir: "en/", localeDir: "de/", locales };
    const linkedFrom = parseDocument("de/start.md", new TextEncoder().encode("# Start\n\n[x](/de/guides/setup/#installieren) [y](guides/setup.md#installieren)\n"));
    const expected = { source: { setup: "setup", install: "install" }, translation: { einrichtung: "setup", installieren: "install" } };

    const noted = new AnchorIndex(root, DEFAULT_PARSE_LIMITS, counting);
    const [source, translation] = [checked("en/guides/setup.md"), checked("de/guides/setup.md")];
    // Pairs are noted once the thread has seen a link by URL path: here one to a page that is not there.
    await noted.linkedSections([parseDocument("de/other.md", new TextEncoder().encode("[z](/de/absent/#x)\n"))], scope);
    noted.notePair(source, translation, locales, alignSections(source.document.sections, translation.document.sections, locales));
    expect((await noted.linkedSections([linkedFrom], scope)).sections).toEqual({ "guides/setup": expected });
    expect(await noted.idsOf("de/guides/setup.md")).toEqual(["einrichtung", "installieren"]);
    expect(parsed).toEqual([]);

    // A pair noted before any link by URL path was seen is not kept: the same links parse both
    // files, and give the same maps and dependencies.
    const plain = new AnchorIndex(root, DEFAULT_PARSE_LIMITS, counting);
    plain.notePair(source, translation, locales, alignSections(source.document.sections, translation.document.sections, locales));
    const fromPlain = await plain.linkedSections([linkedFrom], scope);
    expect(fromPlain.sections).toEqual({ "guides/setup": expected });
    expect(fromPlain.dependencies).toEqual((await noted.linkedSections([linkedFrom], scope)).dependencies);
    expect(parsed.sort()).toEqual(["de/guides/setup.md", "en/guides/setup.md"]);

    // A note of another version of the file is not taken.
    parsed.length = 0;
    await writeFile(path.join(root, "de/guides/setup.md"), "# Einrichtung\n\n## Schritte {#installieren}\n");
    const stale = new AnchorIndex(root, DEFAULT_PARSE_LIMITS, counting);
    await stale.linkedSections([parseDocument("de/other.md", new TextEncoder().encode("[z](/de/absent/#x)\n"))], scope);
    stale.notePair(source, translation, locales, alignSections(source.document.sections, translation.document.sections, locales));
    expect(await stale.idsOf("de/guides/setup.md")).toEqual(["einrichtung", "installieren", "schritte"]);
    expect((await stale.linkedSections([linkedFrom], scope)).sections["guides/setup"]!.translation).toEqual({ einrichtung: "setup", installieren: "install", schritte: "install" });
    expect(parsed.sort()).toEqual(["de/guides/setup.md", "de/guides/setup.md", "en/guides/setup.md"]);
  });
});

