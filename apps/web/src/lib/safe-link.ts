// Schemes an entity-supplied URL may have to be rendered as a link. catalog-info.yaml is
// written by anyone with push access to a repository; `javascript:` or `data:` there would
// run in a colleague's session on click. Backstage's validator accepts any URL, and so
// does ingestion: this is a rendering rule, not a validation rule.
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * The href to render for an entity-supplied URL, or null when it must be shown as plain
 * text. The URL is parsed the way a browser parses it (tabs and newlines dropped, case
 * folded), and the parsed form is returned, so what was checked is what gets clicked.
 */
export function safeLinkHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : null;
}
