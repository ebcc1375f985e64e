import { DriftError } from "../errors.js";
import { readForCheck } from "../engine/load.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "../parse/document.js";
import { decodeDocument } from "../parse/decode.js";
import { frontMatterValue, readFrontMatter } from "../parse/front-matter.js";
import { joinRelative, listDocuments } from "./discover.js";
import type { LocaleLayout, TreeLayout } from "./layout.js";

/**
 * Resolves what a user typed for `--locale` to locale folders. Accepted, in this order: the folder
 * name (`de`), the configured code, the BCP 47 code the locale's documents declare (`de-DE`, read
 * from the first document's locale key), and a code whose language is the folder name.
 */
export async function resolveLocales(
  layout: TreeLayout,
  requested: readonly string[],
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  fileSystem: FileSystem = NODE_FILE_SYSTEM,
): Promise<string[]> {
  const resolved: string[] = [];
  let declared: Map<string, string> | undefined;
  for (const wanted of requested) {
    const tag = normalizeTag(wanted);
    let match = layout.locales.find((locale) => normalizeTag(locale.name) === tag || (locale.code !== undefined && normalizeTag(locale.code) === tag));
    if (!match) {
      declared ??= await declaredCodes(layout, limits, fileSystem);
      match = layout.locales.find((locale) => declared!.get(locale.name) === tag) ?? layout.locales.find((locale) => normalizeTag(locale.name) === tag.split("-")[0]);
    }
    if (!match) {
      const known = layout.locales.map((locale) => locale.name).join(", ") || "none";
      throw new DriftError("USAGE", `unknown locale \`${wanted}\`; the locales of this tree are: ${known}`);
    }
    if (!resolved.includes(match.name)) resolved.push(match.name);
  }
  return resolved;
}

/** Read through the hardened loader: a pipe or a link to `/dev/zero` named like a document must not hang or grow. */
async function declaredCodes(layout: TreeLayout, limits: ParseLimits, fileSystem: FileSystem): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  await Promise.all(
    layout.locales.map(async (locale: LocaleLayout) => {
      const [first] = await listDocuments(layout, locale.dir, fileSystem);
      if (first === undefined) return;
      const read = await readForCheck(layout.root, joinRelative(locale.dir, first), limits, fileSystem);
      if (read.kind !== "bytes") return;
      try {
        const text = decodeDocument(read.bytes).text;
        const value = text === undefined ? undefined : frontMatterValue(readFrontMatter(text).data, layout.keys.locale);
        if (typeof value === "string") codes.set(locale.name, normalizeTag(value));
      } catch {
        // An unreadable document says nothing about its locale; the check itself reports it.
      }
    }),
  );
  return codes;
}

function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, "-");
}
