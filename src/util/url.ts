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
