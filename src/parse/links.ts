import path from "node:path";
import { decodePercent, hasScheme } from "../util/url.js";

/** A link into another Markdown file of the tree at a fragment: `other.md#x`. */
export interface FragmentLink {
  /** The linked file, relative to the tree root, `/` separators. */
  file: string;
  /** The fragment, percent-decoded. */
  id: string;
}

/**
 * Where `url`, written in `fromFile`, points when it is a relative link to another Markdown file
 * with a fragment; undefined for anything else (same-page `#x`, absolute URLs, site-root paths,
 * links that leave the tree).
 */
export function fragmentLink(url: string, fromFile: string): FragmentLink | undefined {
  const hash = url.indexOf("#");
  if (hash <= 0 || hasScheme(url) || url.startsWith("/")) return undefined;
  const target = url.slice(0, hash).split("?")[0]!;
  if (!target.toLowerCase().endsWith(".md")) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decodePercent(target)));
  if (file.startsWith("../") || file === fromFile) return undefined;
  return { file, id: decodePercent(url.slice(hash + 1)) };
}
