/** A URL scheme (`https:`, `mailto:`, `xref:`): a link with one is absolute, not a path in the tree. */
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Whether `url` starts with a scheme (RFC 3986), so it is not a relative path. */
export function hasScheme(url: string): boolean {
  return SCHEME.test(url);
}

/** `decodeURIComponent`, or the text as written where it is not valid percent-encoding (`100%`). */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const NO_LOCALES: ReadonlySet<string> = new Set();

/** `en-us`, `de-de`, `zh-cn`, `zh-hans`, `sr-latn-rs`: a path segment that names a locale. */
const LOCALE_SEGMENT = /^[a-z]{2}(?:-[a-z]{2,4}){1,2}$/i;
/** Query parameters that name the reader's language. */
const LOCALE_PARAMETERS = ["lang", "language", "locale", "ui-locales", "ui_locales"];

/**
 * A link target in a form both languages share: the locale of a localised site removed
 * (`/en-us/azure/x` and `/de-de/azure/x` are `/azure/x`, as the site serves them; `?lang=` is
 * dropped), scheme and host lowercased, a leading `./` dropped. Other query parameters
 * (`view=…`) are content and stay.
 */
/** An absolute URL, parsed; undefined where `new URL` refuses it (Node 20 has no `URL.parse`). */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export function neutralTarget(url: string, locales: ReadonlySet<string> = NO_LOCALES): string {
  const trimmed = url.trim();
  if (trimmed.startsWith("/")) return withoutLocaleSegment(trimmed, locales);
  if (!hasScheme(trimmed)) return trimmed.replace(/^\.\//, "");
  const parsed = parseUrl(trimmed);
  if (parsed === undefined) return trimmed;
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return trimmed;
  for (const parameter of LOCALE_PARAMETERS) parsed.searchParams.delete(parameter);
  const query = parsed.searchParams.toString();
  return `${parsed.protocol}//${withoutLocaleLabel(parsed.host.toLowerCase(), locales)}${withoutLocaleSegment(parsed.pathname, locales)}${query === "" ? "" : `?${query}`}${parsed.hash}`;
}

/**
 * `de.vite.dev` and `en.wikipedia.org` → `vite.dev`, `wikipedia.org`: sites that serve each
 * language under its own subdomain; only a first label that is one of the pair's locales (or a
 * region-tagged code) counts, and only where a registrable name remains.
 */
function withoutLocaleLabel(host: string, locales: ReadonlySet<string>): string {
  const labels = host.split(".");
  const first = labels[0]!;
  // `cn.vite.dev` for `zh-cn`: a site may name the language by its region.
  const named = LOCALE_SEGMENT.test(first) || locales.has(first) || [...locales].some((locale) => locale.split("-")[1] === first);
  if (labels.length < 3 || !named) return host;
  return labels.slice(1).join(".");
}

/** Whether a URL names a language in its host or first path segment (`de.wikipedia.org`, `/ko/docs/…`). */
export function isLocalisedUrl(url: string, locales: ReadonlySet<string>): boolean {
  return hasScheme(url.trim()) && neutralTarget(url, locales).split("#")[0] !== neutralTarget(url).split("#")[0];
}


/**
 * `/de-de/azure/x` → `/azure/x`: a first path segment that names a locale is a site's locale. A
 * last segment counts only when it is one of the pair's locales (`git-scm.com/docs/git-clone/de`,
 * the German page of `…/git-clone`): elsewhere a short last segment is as likely a page's name.
 */
function withoutLocaleSegment(pathname: string, locales: ReadonlySet<string>): string {
  const segments = pathname.split("/");
  const first = segments[1]?.split(/[?#]/)[0];
  if (first !== undefined && (LOCALE_SEGMENT.test(first) || locales.has(first.toLowerCase()))) segments.splice(1, 1);
  const last = segments.length > 2 ? segments.at(-1)! : undefined;
  if (last !== undefined && last !== "" && locales.has(last.toLowerCase())) segments.pop();
  return segments.join("/");
}
