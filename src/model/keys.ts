/** Which front matter keys carry what a layout's documents say of themselves; presets fill them in, rules read them. */
export interface PresetKeys {
  /** Front matter key with the date an article was last updated. */
  date: string;
  /** Front matter key with the document's declared locale. */
  locale: string;
  /** Front matter keys pinning the source commit a translation was made from (dot = nesting). */
  sourceCommit: string[];
  /** Front matter keys pinning the source content hash a translation was made from. */
  sourceHash: string[];
  /** Front matter keys that are translated (a title, a description): a source change to one needs the translator. */
  translated: string[];
  /**
   * Front matter keys whose values render into the page as they are and must equal the source's
   * (dot = nesting): versions in Hugo's `cascade` (`cascade.vers`). Checked by `metadata-drift`
   * with its `equalKeys`.
   */
  equal?: string[];
}
