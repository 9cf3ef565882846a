import {
  AppError,
  authenticateScimToken,
  scimPlanGate,
  authorize,
  createScimGroup,
  createScimUser,
  deleteScimGroup,
  deleteScimUser,
  getScimGroup,
  getScimUser,
  listScimGroups,
  listScimUsers,
  patchScimGroup,
  patchScimUser,
  replaceScimGroup,
  replaceScimUser,
  scimResourceTypes,
  scimSchemas,
  serviceProviderConfig,
  type Permission,
  type ScimCatalogQueue,
  type ScimContext,
  type ScimPatchOperation,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { readLimitedBody } from "../../http/read-limited-body";
import { scimErrorResponse, scimFailure, scimJson } from "./respond";

/** `queue`: the integrations queue's producer, which takes the catalog refreshes writes ask for. */
export type ScimRestDeps = { db: () => Database; queue: () => ScimCatalogQueue };

/** Largest SCIM request body: a group PUT with thousands of members fits. */
export const MAX_SCIM_BODY_BYTES = 1024 * 1024;

type Run = (ctx: ScimContext, url: URL, req: Request, params: string[]) => Promise<Response>;
export type ScimRoute = { method: string; path: string; pattern: RegExp; permission: Permission; run: Run };

const ID = "([^/]+)";
const q = (url: URL, name: string) => url.searchParams.get(name);
const listQuery = (url: URL) => ({
  filter: q(url, "filter"),
  startIndex: q(url, "startIndex"),
  count: q(url, "count"),
  attributes: q(url, "attributes"),
  excludedAttributes: q(url, "excludedAttributes"),
});

/** A single resource with its ETag; a matching If-None-Match answers 304 (RFC 7644 §3.14). */
function resource(req: Request, body: { meta: { version: string } }, status = 200): Response {
  const version = body.meta.version;
  if (status === 200 && req.method === "GET" && req.headers.get("if-none-match") === version) {
    return new Response(null, { status: 304, headers: { etag: version } });
  }
  const headers: Record<string, string> = { etag: version };
  if (status === 201) headers.location = (body.meta as { location?: string }).location ?? "";
  return scimJson(body, status, headers);
}

async function readJson(req: Request): Promise<unknown> {
  const bytes = await readLimitedBody(req, MAX_SCIM_BODY_BYTES);
  if (!bytes) throw new AppError("PAYLOAD_TOO_LARGE", `SCIM requests are at most ${MAX_SCIM_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.", { scimType: "invalidSyntax" });
  }
}

async function readPatch(req: Request): Promise<ScimPatchOperation[]> {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const ops = body && typeof body === "object" ? (body.Operations ?? body.operations) : undefined;
  if (!Array.isArray(ops) || ops.some((o) => typeof o !== "object" || o === null)) {
    throw new AppError("BAD_REQUEST", "A PATCH body needs an Operations array (RFC 7644 §3.5.2).", {
      scimType: "invalidSyntax",
    });
  }
  return ops as ScimPatchOperation[];
}

const ifMatch = (req: Request) => req.headers.get("if-match");

/** The SCIM route table (exported so tests can walk every route). */
export const SCIM_ROUTES: readonly ScimRoute[] = [
  ...(
    [
      ["ServiceProviderConfig", (c: ScimContext) => serviceProviderConfig(c.baseUrl)],
      ["Schemas", (c: ScimContext) => listOf(scimSchemas(c.baseUrl))],
      ["ResourceTypes", (c: ScimContext) => listOf(scimResourceTypes(c.baseUrl))],
    ] as const
  ).map(([name, body]): ScimRoute => ({
    method: "GET",
    path: `/${name}`,
    pattern: new RegExp(`^/${name}/?$`),
    permission: "scim.provision",
    run: async (c) => scimJson(body(c)),
  })),
  {
    method: "GET",
    path: "/Schemas/:id",
    pattern: new RegExp(`^/Schemas/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, _r, [id]) =>
      one(
        scimSchemas(c.baseUrl).find((s) => s.id === id),
        "Schema",
      ),
  },
  {
    method: "GET",
    path: "/ResourceTypes/:id",
    pattern: new RegExp(`^/ResourceTypes/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, _r, [id]) =>
      one(
        scimResourceTypes(c.baseUrl).find((s) => s.id === id),
        "ResourceType",
      ),
  },
  {
    method: "GET",
    path: "/Users",
    pattern: /^\/Users\/?$/,
    permission: "scim.provision",
    run: async (c, u) => scimJson(await listScimUsers(c, listQuery(u))),
  },
  {
    method: "POST",
    path: "/Users",
    pattern: /^\/Users\/?$/,
    permission: "scim.provision",
    run: async (c, _u, r) => resource(r, await createScimUser(c, await readJson(r)), 201),
  },
  {
    method: "GET",
    path: "/Users/:id",
    pattern: new RegExp(`^/Users/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => resource(r, await getScimUser(c, id!)),
  },
  {
    method: "PUT",
    path: "/Users/:id",
    pattern: new RegExp(`^/Users/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => resource(r, await replaceScimUser(c, id!, await readJson(r), ifMatch(r))),
  },
  {
    method: "PATCH",
    path: "/Users/:id",
    pattern: new RegExp(`^/Users/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => resource(r, await patchScimUser(c, id!, await readPatch(r), ifMatch(r))),
  },
  {
    method: "DELETE",
    path: "/Users/:id",
    pattern: new RegExp(`^/Users/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => {
      await deleteScimUser(c, id!, ifMatch(r));
      return new Response(null, { status: 204 });
    },
  },
  {
    method: "GET",
    path: "/Groups",
    pattern: /^\/Groups\/?$/,
    permission: "scim.provision",
    run: async (c, u) => scimJson(await listScimGroups(c, listQuery(u))),
  },
  {
    method: "POST",
    path: "/Groups",
    pattern: /^\/Groups\/?$/,
    permission: "scim.provision",
    run: async (c, _u, r) => resource(r, await createScimGroup(c, await readJson(r)), 201),
  },
  {
    method: "GET",
    path: "/Groups/:id",
    pattern: new RegExp(`^/Groups/${ID}$`),
    permission: "scim.provision",
    run: async (c, u, r, [id]) => resource(r, await getScimGroup(c, id!, listQuery(u))),
  },
  {
    method: "PUT",
    path: "/Groups/:id",
    pattern: new RegExp(`^/Groups/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => resource(r, await replaceScimGroup(c, id!, await readJson(r), ifMatch(r))),
  },
  {
    method: "PATCH",
    path: "/Groups/:id",
    pattern: new RegExp(`^/Groups/${ID}$`),
    permission: "scim.provision",
    // Entra ID and Okta accept 200 with the group or 204; 200 lets them see the result.
    run: async (c, _u, r, [id]) => resource(r, await patchScimGroup(c, id!, await readPatch(r), ifMatch(r))),
  },
  {
    method: "DELETE",
    path: "/Groups/:id",
    pattern: new RegExp(`^/Groups/${ID}$`),
    permission: "scim.provision",
    run: async (c, _u, r, [id]) => {
      await deleteScimGroup(c, id!, ifMatch(r));
      return new Response(null, { status: 204 });
    },
  },
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError("BAD_REQUEST", `"${segment}" is not a valid URL path segment.`);
  }
}

function listOf(resources: unknown[]) {
  return {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

function one(body: unknown, what: string): Response {
  if (!body) throw new AppError("NOT_FOUND", `${what} not found.`);
  return scimJson(body);
}

/**
 * The org's SCIM 2.0 API as a plain fetch handler. The bearer token is the only way in:
 * it names the org (no slug, no session), and the SCIM client it makes is a principal of
 * its own that core's `authorize` allows `scim.provision` and nothing else.
 */
export function createScimRestHandler(deps: ScimRestDeps, basePath = "/api/scim/v2") {
  return async function handle(req: Request): Promise<Response> {
    try {
      const url = new URL(req.url);
      const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : null;
      const matches = path === null ? [] : SCIM_ROUTES.filter((r) => r.pattern.test(path));
      if (matches.length === 0) return scimErrorResponse(404, `No SCIM endpoint at ${url.pathname}.`);
      const route = matches.find((r) => r.method === req.method);
      if (!route) {
        const res = scimErrorResponse(405, `${req.method} is not supported here.`);
        res.headers.set("allow", matches.map((r) => r.method).join(", "));
        return res;
      }
      const params = route.pattern.exec(path!)!.slice(1).map(decodeSegment);
      const db = deps.db();
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
      const verified = match ? await authenticateScimToken(db, match[1]!) : null;
      if (!verified) throw new AppError("UNAUTHORIZED", "Send the organization's SCIM token as Authorization: Bearer.");
      const { orgId, ...principal } = verified;
      authorize(principal, route.permission);
      // SCIM is an Enterprise capability: a token of an org that left Enterprise keeps
      // existing but is answered 403 (SCIM error body) and changes nothing. An unpaid
      // Enterprise past its grace period keeps only deprovisioning (see scimPlanGate).
      const { removalsOnly } = await scimPlanGate(db.forOrg(orgId), orgId);
      const ctx: ScimContext = {
        db,
        orgId,
        principal,
        baseUrl: `${url.origin}${basePath}`,
        queue: deps.queue(),
        removalsOnly,
      };
      return await route.run(ctx, url, req, params);
    } catch (error) {
      return scimFailure(req, error);
    }
  };
}
