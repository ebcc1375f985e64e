import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";

const TWO_LETTER_LANGUAGES: ReadonlySet<string> = new Set(Object.values(iso6393To1));

/**
 * Whether a folder is named like a locale: an ISO 639-1 language (`de`), optionally with script
 * and region subtags as BCP 47 writes them (`pt-br`, `zh-Hans`, `es-419`). Three-letter
 * languages are not taken from folder names: too many are also words a docs tree uses for its
 * own folders (`api` is Apinayé, `faq`, `art`); a site with one lists its locales.
 */
export function isLanguageFolder(name: string): boolean {
  const match = /^([a-z]{2})((?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))*)$/i.exec(name);
  if (!match) return false;
  return TWO_LETTER_LANGUAGES.has(match[1]!.toLowerCase());
}
