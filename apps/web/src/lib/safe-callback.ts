// Any origin will do: the value is resolved against it and must stay on it. A reserved
// name (RFC 2606) so that it can never be a real host.
const SITE = "https://stagedoor.invalid";

// C0 controls, DEL, C1 controls and the Unicode line/paragraph separators. Browsers drop
// tab, CR and LF inside URLs ("/\t/evil.example" becomes "//evil.example"), so a string
// that contains one means something else to the browser than to a prefix check.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Where to go after signing in: only a path on this site, returned in the form the URL
 * parser normalised it to (what a browser will request), never the raw input. The value
 * is resolved against an origin and refused unless it stays on that origin, so
 * "//evil.example", "/\evil.example", "https:evil.example" and the like cannot turn the
 * sign-in forms into an open redirect. Control characters are refused outright, also
 * percent-encoded (a proxy or framework that decodes once would otherwise restore them).
 */
export function safeCallback(url: string | undefined | null): string {
  if (!url || !url.startsWith("/") || CONTROL.test(url) || CONTROL.test(decoded(url))) return "/";
  // A backslash is a slash to browsers' URL parsers; keep none, encoded or not, and no
  // encoded "//" at the start either (whatever decodes it once would see another host).
  const plain = decoded(url);
  if (plain.includes("\\") || plain.startsWith("//")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(url, SITE);
  } catch {
    return "/";
  }
  if (resolved.origin !== SITE) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The normalised path must itself still read as a path ("/%2F/evil" stays encoded, but
  // never let the result start with "//").
  return path.startsWith("//") ? "/" : path;
}
