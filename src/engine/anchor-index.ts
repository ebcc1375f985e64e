import type { FileSystem } from "../io/file-system.js";
import type { ParsedDocument } from "../model/document.js";
import type { ParseLimits } from "../parse/document.js";
import { documentIds, sectionContent } from "../parse/section-content.js";
import { fragmentLink } from "../parse/links.js";
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

/**
 * The ids of other files of the tree, for checking `other.md#x` links. A file is read and parsed
 * the first time a link reaches it (through the document cache when there is one); only its ids
 * and content hash are kept, in a least-recently-used cache of bounded size, so memory does not
 * grow with the tree.
 */
export class AnchorIndex {
  readonly #entries: BoundedCache<string, Entry>;

  constructor(
    private readonly root: string,
    private readonly limits: ParseLimits,
    private readonly cache?: DocumentCache,
    capacity = DEFAULT_ANCHOR_CACHE_ENTRIES,
    private readonly fileSystem?: FileSystem,
  ) {
    this.#entries = new BoundedCache({ maxEntries: capacity });
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
    const entry: Entry = { ids: document.usable ? [...documentIds(document)].sort() : null, hash: read.hash };
    this.#entries.set(file, entry);
    return entry;
  }
}
