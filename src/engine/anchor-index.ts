import type { FileSystem } from "../io/file-system.js";
import type { ParsedDocument, Section } from "../model/document.js";
import { parsedBytes, type ParseLimits } from "../parse/document.js";
import { documentIds, sectionContent } from "../parse/section-content.js";
import { fragmentLink, pageFileCandidates, pagePath } from "../parse/links.js";
import { alignSections } from "../align/align.js";
import type { Alignment, LinkedSections } from "../model/pair.js";
import type { Dependency } from "./article-result.js";
import type { DocumentCache } from "./cache.js";
import { readForCheck, toDocument, type FileRead } from "./load.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { detached } from "../util/text.js";

/** How many linked files' ids are kept; each entry is a short list of strings. */
const DEFAULT_ANCHOR_CACHE_ENTRIES = 2048;


interface Entry {
  ids: readonly string[] | null;
  hash: string;
}

/** Where a pair's linked pages are looked for, and the locale segments its links may carry. */
export interface PageScope {
  /** The article's path relative to its source folder. */
  article: string;
  /** The source and locale folders, relative to the root, each ending in `/` (or empty). */
  sourceDir: string;
  localeDir: string;
  locales: ReadonlySet<string>;
}

/** A linked page's files and section maps; null when either side is absent or unreadable. */
interface PageEntry {
  sections: LinkedSections | null;
  dependencies: Dependency[];
}

const MAX_PAGES_PER_PAIR = 256;

/**
 * Linked source pages kept parsed, as `parsedBytes` estimates them. An article's links are followed
 * once per locale, and each time the linked page's source is the same file: on Astro docs (13
 * locales) 385 of 3,602 parses in a check were a linked source parsed again for another locale.
 */
const MAX_SOURCE_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * What the checks of this thread noted about their own files, as `notedBytes` counts it. A page is
 * checked once and linked from articles checked long after (on Astro docs, 402 of 3,602 parses were
 * a page parsed again for its linkers after its own check), so only ids are kept, not documents.
 */
const MAX_NOTED_BYTES = 4 * 1024 * 1024;

/** One candidate file of a linked page that reads: parsed, or known usable from a check's note and parsed when needed. */
interface PageFile {
  dependency: Dependency;
  document?: ParsedDocument;
  /** What was read, until it is parsed. */
  read?: FileRead;
}

/** A pair a check aligned, as the anchor index would align it: its files' hashes and its id maps. */
interface NotedPair {
  sourceHash: string;
  translationHash: string;
  sections: LinkedSections;
}

/**
 * The ids of other files of the tree, for checking `other.md#x` links. A file is read and parsed
 * the first time a link reaches it (through the document cache when there is one); only its ids
 * and content hash are kept, in a least-recently-used cache of bounded size, so memory does not
 * grow with the tree. The check of an article notes what it parsed (`notePair`), so a file a
 * link reaches after its own check is read again but not parsed again.
 */
export class AnchorIndex {
  readonly #entries: BoundedCache<string, Entry>;
  readonly #pages: BoundedCache<string, PageEntry>;
  readonly #sourcePages = new BoundedCache<string, PageFile | null>({ maxBytes: MAX_SOURCE_PAGE_BYTES, sizeOf: pageFileBytes });
  readonly #notedFiles = new BoundedCache<string, Entry>({ maxBytes: MAX_NOTED_BYTES, sizeOf: (entry) => notedBytes(entry.hash, ...(entry.ids ?? [])) });
  /** Whether a link by URL path was seen in this thread: until then, no pair is noted. */
  #pageLinksSeen = false;
  readonly #notedPairs = new BoundedCache<string, NotedPair>({ maxBytes: MAX_NOTED_BYTES, sizeOf: (pair) => notedBytes(pair.sourceHash, pair.translationHash, ...Object.keys(pair.sections.source), ...Object.keys(pair.sections.translation)) });

  constructor(
    private readonly root: string,
    private readonly limits: ParseLimits,
    private readonly cache?: DocumentCache,
    capacity = DEFAULT_ANCHOR_CACHE_ENTRIES,
    private readonly fileSystem?: FileSystem,
  ) {
    this.#entries = new BoundedCache({ maxEntries: capacity });
    this.#pages = new BoundedCache({ maxEntries: capacity });
  }

  /** Notes a file a check parsed: its ids and hash, for the links that reach it later. */
  noteFile({ document, hash }: CheckedFile): void {
    if (!this.#notedFiles.has(document.file)) this.#notedFiles.set(document.file, { ids: document.usable ? idsOf(document) : null, hash });
  }

  /**
   * Notes a pair a check aligned without baseline hints (`alignment` is `alignSections(source,
   * translation, locales)`), which is how `linkedSections` aligns a linked page: its id maps are
   * kept for the articles that link to it later.
   */
  notePair(source: CheckedFile, translation: CheckedFile, locales: ReadonlySet<string>, alignment: Alignment): void {
    this.noteFile(source);
    this.noteFile(translation);
    // Only a tree whose pages link by URL path reads these: a tree of `.md` links (the generated
    // one) never does, and would hold them for nothing.
    if (!this.#pageLinksSeen || !source.document.usable || !translation.document.usable) return;
    const sections = idMaps(source.document.sections, translation.document.sections, alignment);
    this.#notedPairs.set(pairKey(source.document.file, translation.document.file, locales), { sourceHash: source.hash, translationHash: translation.hash, sections });
  }

  /**
   * For every page the source or the translation links into by URL path with a fragment, the
   * linked source's and translation's section ids mapped to source anchors (aligned as the engine
   * aligns any pair), and the files read. Bounded per pair and cached per page and locale: only
   * ids and anchors are kept.
   */
  async linkedSections(documents: readonly ParsedDocument[], scope: PageScope): Promise<{ sections: Record<string, LinkedSections>; dependencies: Dependency[] }> {
    const pages = new Set<string>();
    for (const document of documents) {
      for (const section of document.sections) {
        for (const link of sectionContent(section).links) {
          const target = pagePath(link.url, scope.article, scope.locales);
          if (target !== undefined && target.id !== "" && pages.size < MAX_PAGES_PER_PAIR) pages.add(target.page);
          if (target !== undefined) this.#pageLinksSeen = true;
        }
      }
    }
    const sections: Record<string, LinkedSections> = Object.create(null);
    const dependencies: Dependency[] = [];
    for (const page of [...pages].sort()) {
      const key = `${scope.sourceDir}\0${scope.localeDir}\0${page}`;
      let entry = this.#pages.get(key);
      if (entry === undefined) {
        entry = await this.#page(page, scope);
        this.#pages.set(key, entry);
      }
      if (entry.sections !== null) sections[page] = entry.sections;
      dependencies.push(...entry.dependencies);
    }
    return { sections, dependencies };
  }

  async #page(page: string, scope: PageScope): Promise<PageEntry> {
    const source = await this.#sourcePage(scope.sourceDir, page);
    const translation = await this.#pageFile(scope.localeDir, page);
    if (source === undefined || translation === undefined) return { sections: null, dependencies: [] };
    const dependencies = [source.dependency, translation.dependency];
    const noted = this.#notedPairs.get(pairKey(source.dependency.file, translation.dependency.file, scope.locales));
    if (noted !== undefined && noted.sourceHash === source.dependency.hash && noted.translationHash === translation.dependency.hash) {
      return { sections: noted.sections, dependencies };
    }
    const from = (await this.#parsed(source, `${scope.sourceDir}\0${page}`)).sections;
    const to = (await this.#parsed(translation)).sections;
    // Aligned as any pair is (content evidence included), then only the id maps are kept.
    return { sections: idMaps(from, to, alignSections(from, to, scope.locales)), dependencies };
  }

  /** `#pageFile` of a source page, kept for the other locales that link to it. */
  async #sourcePage(dir: string, page: string): Promise<PageFile | undefined> {
    const key = `${dir}\0${page}`;
    const kept = this.#sourcePages.get(key);
    if (kept !== undefined) return kept ?? undefined;
    const found = await this.#pageFile(dir, page);
    this.#sourcePages.set(key, found ?? null);
    return found;
  }

  /**
   * The first candidate file of `page` under `dir` that reads and parses. One a check noted with
   * the same hash is known to parse, and is parsed only if its sections are needed after all.
   */
  async #pageFile(dir: string, page: string): Promise<PageFile | undefined> {
    for (const candidate of pageFileCandidates(page)) {
      const file = `${dir}${candidate}`;
      const read = await readForCheck(this.root, file, this.limits, this.fileSystem);
      if (read.kind !== "bytes") continue;
      const dependency = { file, hash: read.hash };
      const noted = this.#notedFiles.get(file);
      if (noted !== undefined && noted.hash === read.hash) {
        if (noted.ids !== null) return { dependency, read };
        continue;
      }
      const document = await toDocument(read, this.limits, this.cache);
      if (document.usable) return { dependency, document };
    }
    return undefined;
  }

  /** The document of a page file, parsed now if it was known usable from a note; kept under `keptAs` in the source pages. */
  async #parsed(pageFile: PageFile, keptAs?: string): Promise<ParsedDocument> {
    if (pageFile.document !== undefined) return pageFile.document;
    pageFile.document = await toDocument(pageFile.read!, this.limits, this.cache);
    delete pageFile.read;
    if (keptAs !== undefined) this.#sourcePages.set(keptAs, pageFile); // measured again, parsed now
    return pageFile.document;
  }

  /** The ids of `file` (relative to the root); null when it is absent or unreadable. */
  async idsOf(file: string): Promise<readonly string[] | null> {
    return (await this.#entry(file)).ids;
  }

  /** The ids of every file `document` links into with a fragment, and those files' hashes. */
  async linkedIds(document: ParsedDocument): Promise<{ ids: Record<string, readonly string[] | null>; dependencies: Dependency[] }> {
    const files = new Set<string>();
    for (const section of document.sections) {
      for (const link of sectionContent(section).links) {
        const target = fragmentLink(link.url, document.file);
        if (target !== undefined) files.add(target.file);
      }
    }
    const ids: Record<string, readonly string[] | null> = {};
    const dependencies: Dependency[] = [];
    for (const file of [...files].sort()) {
      const entry = await this.#entry(file);
      ids[file] = entry.ids;
      dependencies.push({ file, hash: entry.hash });
    }
    return { ids, dependencies };
  }

  async #entry(file: string): Promise<Entry> {
    const cached = this.#entries.get(file);
    if (cached !== undefined) return cached;
    const read = await readForCheck(this.root, file, this.limits, this.fileSystem);
    const noted = this.#notedFiles.get(file);
    if (noted !== undefined && noted.hash === read.hash) {
      this.#entries.set(file, noted);
      return noted;
    }
    const document = await toDocument(read, this.limits, this.cache);
    const entry: Entry = {
      ids: document.usable ? idsOf(document) : null,
      hash: read.hash,
    };
    this.#entries.set(file, entry);
    return entry;
  }
}

/** A file a check parsed, and the hash of what it read. */
export interface CheckedFile {
  document: ParsedDocument;
  hash: string;
}

/** The source's ids mapped to their own anchors, and the translation's mapped to the source anchors they are aligned with. */
function idMaps(from: readonly Section[], to: readonly Section[], alignment: Alignment): LinkedSections {
  const sourceMap: Record<string, string> = Object.create(null);
  for (const section of from) for (const id of section.ids) sourceMap[detached(id)] ??= detached(section.anchor);
  const translationMap: Record<string, string> = Object.create(null);
  for (const row of alignment.rows) {
    if (row.source === undefined || row.translation === undefined) continue;
    for (const id of to[row.translation]!.ids) translationMap[detached(id)] ??= detached(from[row.source]!.anchor);
  }
  return { source: sourceMap, translation: translationMap };
}

/** A document's ids, sorted, as strings of their own (kept, they would keep its text alive). */
function idsOf(document: ParsedDocument): string[] {
  return [...documentIds(document)].sort().map(detached);
}

function pairKey(sourceFile: string, translationFile: string, locales: ReadonlySet<string>): string {
  return `${sourceFile}\0${translationFile}\0${[...locales].sort().join(",")}`;
}

/** Two bytes per character of the strings, and 64 per entry: a rough bound, enough to cap the notes. */
function notedBytes(...strings: readonly string[]): number {
  let bytes = 64;
  for (const text of strings) bytes += 16 + 2 * text.length;
  return bytes;
}

function pageFileBytes(pageFile: PageFile | null): number {
  if (pageFile === null) return 0;
  if (pageFile.document !== undefined) return parsedBytes(pageFile.document);
  return pageFile.read?.kind === "bytes" ? pageFile.read.bytes.length : 0;
}
