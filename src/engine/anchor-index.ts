import type { ParsedDocument } from "../model/document.js";
import type { ParseLimits } from "../parse/document.js";
import { documentIds, sectionFingerprint } from "../parse/fingerprint.js";
import { fragmentLink } from "../parse/links.js";
import { loadDocument } from "./load.js";

/** How many linked files' ids are kept; each entry is a short list of strings. */
export const DEFAULT_ANCHOR_CACHE_ENTRIES = 2048;

/**
 * The ids of other files of the tree, for checking `other.md#x` links. A file is read and parsed
 * the first time a link reaches it; only its ids are kept, in a least-recently-used cache of
 * bounded size, so memory does not grow with the tree.
 */
export class AnchorIndex {
  readonly #cache = new Map<string, readonly string[] | null>();

  constructor(
    private readonly root: string,
    private readonly limits: ParseLimits,
    private readonly capacity = DEFAULT_ANCHOR_CACHE_ENTRIES,
  ) {}

  /** The ids of `file` (relative to the root); null when it is absent or unreadable. */
  async idsOf(file: string): Promise<readonly string[] | null> {
    const cached = this.#cache.get(file);
    if (cached !== undefined) {
      this.#cache.delete(file); // re-inserted below: a Map iterates in insertion order, oldest first
      this.#cache.set(file, cached);
      return cached;
    }
    const document = await loadDocument(this.root, file, this.limits);
    const ids = document.usable ? [...documentIds(document)].sort() : null;
    this.#cache.set(file, ids);
    if (this.#cache.size > this.capacity) this.#cache.delete(this.#cache.keys().next().value!);
    return ids;
  }

  /** The ids of every file `document` links into with a fragment, by file. */
  async linkedIds(document: ParsedDocument): Promise<Record<string, readonly string[] | null>> {
    const files = new Set<string>();
    for (const section of document.sections) {
      for (const link of sectionFingerprint(section).links) {
        const target = fragmentLink(link.url, document.file);
        if (target !== undefined) files.add(target.file);
      }
    }
    const linked: Record<string, readonly string[] | null> = {};
    for (const file of [...files].sort()) linked[file] = await this.idsOf(file);
    return linked;
  }
}
