// Per-tenant host names (issue 12): with BASE_DOMAIN set, https://{slug}.{BASE_DOMAIN} is
// org {slug}'s portal. The path form (/{slug}/...) keeps working on the base host.

/** Routes that are the same on every host (not an org's pages). */
const GLOBAL_PREFIXES = ["/api/", "/_next/", "/sign-in", "/invite", "/orgs", "/favicon.ico"];

/** The org slug a request's host names, or null (the base host, or no BASE_DOMAIN). */
export function tenantSlugOfHost(host: string | null, baseDomain: string | undefined): string | null {
  if (!host || !baseDomain) return null;
  const name = host.toLowerCase().replace(/:\d+$/, "");
  const base = baseDomain.toLowerCase();
  if (!name.endsWith(`.${base}`)) return null;
  const label = name.slice(0, -(base.length + 1));
  // One label only (a.b.base is nobody's), and not the www alias of the base host.
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label) || label === "www") return null;
  return label;
}

/**
 * Where a page request on org `slug`'s host goes: its own pages as they are, global
 * routes as they are, and anything else below the org, so `/catalog` is /{slug}/catalog and
 * a path naming another org (/{other}/...) becomes /{slug}/{other}/..., which is not found:
 * one org's host never serves another org's pages.
 */
export function tenantPath(slug: string, pathname: string): string {
  if (pathname === `/${slug}` || pathname.startsWith(`/${slug}/`)) return pathname;
  if (GLOBAL_PREFIXES.some((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p))) return pathname;
  return pathname === "/" ? `/${slug}` : `/${slug}${pathname}`;
}
