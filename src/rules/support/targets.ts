import type { Section } from "../../model/document.js";
import type { SectionPairView } from "./compare.js";

/** `en-us`, `de-de`, `zh-cn`, `zh-hans`, `sr-latn-rs`: a path segment that names a locale. */
const LOCALE_SEGMENT = /^[a-z]{2}(?:-[a-z]{2,4}){1,2}$/i;
/** Query parameters that name the reader's language. */
const LOCALE_PARAMETERS = ["lang", "language", "locale", "ui-locales", "ui_locales"];
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * A link target in a form both languages share: the locale of a localised site neutralised
 * (`/en-us/` and `/de-de/` become `/{locale}/`, `?lang=` is dropped), scheme and host lowercased,
 * a leading `./` dropped. Other query parameters (`view=…`) are content and stay.
 */
export function neutralTarget(url: string): string {
  const trimmed = url.trim();
  if (!SCHEME.test(trimmed)) return trimmed.replace(/^\.\//, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return trimmed;
  const segments = parsed.pathname.split("/");
  if (segments[1] !== undefined && LOCALE_SEGMENT.test(segments[1])) segments[1] = "{locale}";
  for (const parameter of LOCALE_PARAMETERS) parsed.searchParams.delete(parameter);
  const query = parsed.searchParams.toString();
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${segments.join("/")}${query === "" ? "" : `?${query}`}${parsed.hash}`;
}

/**
 * The key of a link target for comparison across languages. A same-page fragment is resolved to
 * the translation section it reaches, so `#next-steps` in English and `#nächste-schritte` in
 * German are the same target when those sections are aligned.
 */
export function targetKey(url: string, view: SectionPairView, side: "source" | "translation"): string {
  if (!url.startsWith("#")) return neutralTarget(url);
  const id = safeDecode(url.slice(1));
  const document = side === "source" ? view.sourceDocument : view.translationDocument;
  const section = document.sections.find((candidate) => candidate.ids.includes(id));
  const reached: Section | undefined = section && (side === "source" ? view.translated(section.index) : section);
  return reached === undefined ? url : `#§${reached.index}`;
}

/** How a resolved key is shown: the fragment as the translation writes it. */
export function showTarget(key: string, view: SectionPairView): string {
  if (!key.startsWith("#§")) return key;
  const section = view.translationDocument.sections[Number(key.slice(2))];
  return section ? `#${section.anchor}` : key;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
