import {
  AppError,
  authorize,
  combineOrgContexts,
  loadOrgContext,
  parsePluginPermission,
  type Permission,
} from "@stagedoor/core";
import { authenticate, type Authenticated, type CatalogRestDeps } from "./auth";
import {
  getEntities,
  getEntitiesByQuery,
  getEntityByName,
  getEntityByUid,
  postEntitiesByRefs,
} from "./entities-routes";
import { getEntityFacets } from "./facets-route";
import { postImport } from "./import-route";
import { errorResponse, failure } from "./respond";

export type CatalogRoute = {
  method: "GET" | "POST";
  /** Backstage's name for the route (for docs, errors and the authorization test). */
  path: string;
  pattern: RegExp;
  /** What the caller needs, checked by core's authorize (token scopes, roles, the token creator's role). */
  permission: Permission | ((url: URL) => Permission);
  run: (auth: Authenticated, url: URL, req: Request, params: string[]) => Promise<Response>;
};

const SEGMENT = "([^/]+)";
/** The REST route table (exported so the authorization test walks every route). */
export const CATALOG_ROUTES: readonly CatalogRoute[] = [
  {
    method: "GET",
    path: "/entities",
    pattern: /^\/entities\/?$/,
    permission: "catalog.read",
    run: (a, u) => getEntities(a, u),
  },
  {
    method: "GET",
    path: "/entities/by-query",
    pattern: /^\/entities\/by-query\/?$/,
    permission: "catalog.read",
    run: (a, u) => getEntitiesByQuery(a, u),
  },
  {
    method: "GET",
    path: "/entities/by-name/:kind/:namespace/:name",
    pattern: new RegExp(`^/entities/by-name/${SEGMENT}/${SEGMENT}/${SEGMENT}/?$`),
    permission: "catalog.read",
    run: (a, u, _r, params) => getEntityByName(a, u, params),
  },
  {
    method: "GET",
    path: "/entities/by-uid/:uid",
    pattern: new RegExp(`^/entities/by-uid/${SEGMENT}/?$`),
    permission: "catalog.read",
    run: (a, u, _r, params) => getEntityByUid(a, u, params),
  },
  {
    method: "POST",
    path: "/entities/by-refs",
    pattern: /^\/entities\/by-refs\/?$/,
    permission: "catalog.read",
    run: (a, u, r) => postEntitiesByRefs(a, u, r),
  },
  {
    method: "GET",
    path: "/entity-facets",
    pattern: /^\/entity-facets\/?$/,
    permission: "catalog.read",
    run: (a, u) => getEntityFacets(a, u),
  },
  {
    method: "POST",
    path: "/import",
    pattern: /^\/import\/?$/,
    // A dry run only reads: `stagedoor catalog push --dry-run` (a CI check) works with a read token.
    permission: (url) =>
      ["true", "1"].includes(url.searchParams.get("dryRun") ?? "") ? "catalog.read" : "catalog.import",
    run: (a, u, r) => postImport(a, u, r),
  },
];

/**
 * The Backstage-compatible catalog API as a plain fetch handler (Request → Response), so
 * Next route files, the benchmark's node:http server and tests mount the same code.
 * `basePath` is where it is mounted (paths below it are Backstage's: /entities, ...).
 */
export function createCatalogRestHandler(deps: CatalogRestDeps, basePath = "/api/catalog") {
  return async function handle(req: Request): Promise<Response> {
    try {
      const url = new URL(req.url);
      const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : null;
      const matches = path === null ? [] : CATALOG_ROUTES.filter((r) => r.pattern.test(path));
      if (matches.length === 0) return errorResponse(req, "NOT_FOUND", `No catalog API at ${url.pathname}.`);
      const route = matches.find((r) => r.method === req.method);
      if (!route) {
        return new Response(null, { status: 405, headers: { allow: matches.map((r) => r.method).join(", ") } });
      }
      const params = route.pattern.exec(path!)!.slice(1).map(decodeSegment);
      const auth = await authenticate(req, deps);
      const permission = typeof route.permission === "function" ? route.permission(url) : route.permission;
      // Premium plugin routes also need the org's license (and, for a token, its creator's seat).
      const licenses = parsePluginPermission(permission) ? await loadOrgContext(auth.db, auth.principal) : undefined;
      authorize(auth.principal, permission, combineOrgContexts(auth.org, licenses));
      recordTokenUse(deps, auth, req, route);
      return await route.run(auth, url, req, params);
    } catch (error) {
      return failure(req, error);
    }
  };
}

/**
 * API and CLI use for Insights: one event per authorized token request, handed to the
 * queue without waiting (a full queue drops it, and a failure never fails the request).
 * Browsers' own calls (session) are counted as page views by the portal instead.
 */
function recordTokenUse(deps: CatalogRestDeps, auth: Authenticated, req: Request, route: CatalogRoute) {
  const queue = deps.insights?.();
  const principal = auth.principal;
  if (!queue || principal.type !== "token" || !principal.creator) return;
  const cli = (req.headers.get("user-agent") ?? "").startsWith("stagedoor-cli");
  queue
    .enqueue({
      orgId: auth.db.orgId,
      userId: principal.creator.userId,
      receivedAt: Date.now(),
      events: [
        {
          type: "api_call",
          ageMs: 0,
          page: `${route.method} ${route.path}`,
          tokenId: principal.tokenId,
          client: cli ? "cli" : "api",
        },
      ],
    })
    .catch((error: unknown) => console.error(`[insights] token use not recorded: ${(error as Error).message}`));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError("BAD_REQUEST", `"${segment}" is not a valid URL path segment.`);
  }
}
