import type { FileSystem } from "../io/file-system.js";
import type { ParsedDocument } from "../model/document.js";
import { parsedBytes, type ParseLimits } from "../parse/document.js";
import { documentIds, sectionContent } from "../parse/section-content.js";
import { fragmentLink, pageFileCandidates, pagePath } from "../parse/links.js";
import { alignSections } from "../align/align.js";
import type { LinkedSections } from "../model/pair.js";
import type { Dependency } from "./article-result.js";
import type { DocumentCache } from "./cache.js";
import { readForCheck, toDocument } from "./load.js";
import { BoundedCache } from "../util/bounded-cache.js";

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

type PageDocument = { document: ParsedDocument; dependency: Dependency };

/**
 * The ids of other files of the tree, for checking `other.md#x` links. A file is read and parsed
 * the first time a link reaches it (through the document cache when there is one); only its ids
 * and content hash are kept, in a least-recently-used cache of bounded size, so memory does not
 * grow with the tree.
 */
export class AnchorIndex {
  readonly #entries: BoundedCache<string, Entry>;
  readonly #pages: BoundedCache<string, PageEntry>;
  readonly #sourcePages = new BoundedCache<string, PageDocument | null>({ maxBytes: MAX_SOURCE_PAGE_BYTES, sizeOf: (entry) => (entry === null ? 0 : parsedBytes(entry.document)) });

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
    const [source, translation] = [await this.#sourcePage(scope.sourceDir, page), await this.#pageDocument(scope.localeDir, page)];
    if (source === undefined || translation === undefined) return { sections: null, dependencies: [] };
    const [from, to] = [source.document.sections, translation.document.sections];
    const sourceMap: Record<string, string> = Object.create(null);
    for (const section of from) for (const id of section.ids) sourceMap[id] ??= section.anchor;
    const translationMap: Record<string, string> = Object.create(null);
    // Aligned as any pair is (content evidence included), then only the id maps are kept.
    for (const row of alignSections(from, to, scope.locales).rows) {
      if (row.source === undefined || row.translation === undefined) continue;
      for (const id of to[row.translation]!.ids) translationMap[id] ??= from[row.source]!.anchor;
    }
    return { sections: { source: sourceMap, translation: translationMap }, dependencies: [source.dependency, translation.dependency] };
  }

  /** `#pageDocument` of a source page, kept for the other locales that link to it. */
  async #sourcePage(dir: string, page: string): Promise<PageDocument | undefined> {
    const key = `${dir}\0${page}`;
    const kept = this.#sourcePages.get(key);
    if (kept !== undefined) return kept ?? undefined;
    const found = await this.#pageDocument(dir, page);
    this.#sourcePages.set(key, found ?? null);
    return found;
  }

  /** The first candidate file of `page` under `dir` that reads and parses. */
  async #pageDocument(dir: string, page: string): Promise<PageDocument | undefined> {
    for (const candidate of pageFileCandidates(page)) {
      const file = `${dir}${candidate}`;
      const read = await readForCheck(this.root, file, this.limits, this.fileSystem);
      if (read.kind !== "bytes") continue;
      const document = await toDocument(read, this.limits, this.cache);
      if (document.usable) return { document, dependency: { file, hash: read.hash } };
    }
    return undefined;
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
    const document = await toDocument(read, this.limits, this.cache);
    const entry: Entry = {
      ids: document.usable ? [...documentIds(document)].sort() : null,
      hash: read.hash,
    };
    this.#entries.set(file, entry);
    return entry;
  }
}
