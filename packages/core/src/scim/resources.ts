import { z } from "zod";
import type { Database } from "@stagedoor/db";
import type { ScimPrincipal } from "../authz";
import { scimError } from "./scim-errors";
import type { ScimCatalogQueue } from "./catalog-refresh";

export const SCHEMA = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  list: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patch: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
} as const;

/**
 * Who is provisioning into which org; `baseUrl` is where the SCIM API is served (for
 * meta.location); `queue` takes the catalog refresh a write asks for (catalog-refresh.ts).
 */
export type ScimContext = {
  db: Database;
  orgId: string;
  principal: ScimPrincipal;
  baseUrl: string;
  queue: ScimCatalogQueue;
  /** Set when the org's plan lapsed: only deprovisioning runs, anything else is refused with this. */
  removalsOnly?: string | null;
};

/** Refuses a write that would add or change access while only deprovisioning is allowed. */
export function assertNotRemovalsOnly(ctx: ScimContext): void {
  if (ctx.removalsOnly) throw scimError("FORBIDDEN", null, ctx.removalsOnly);
}

export const etag = (version: number) => `W/"${version}"`;

/**
 * Checks an If-Match header against the resource's version (RFC 7644 §3.14). Absent means
 * "whatever it is now", which is how Okta and Entra ID send their writes.
 */
export function checkIfMatch(ifMatch: string | null | undefined, version: number): void {
  if (!ifMatch || ifMatch.trim() === "*") return;
  const wanted = ifMatch.split(",").map((t) => t.trim());
  if (!wanted.includes(etag(version)) && !wanted.includes(`"${version}"`)) {
    throw scimError("PRECONDITION_FAILED", null, `The resource changed: its version is now ${etag(version)}.`);
  }
}

// Entra ID sends booleans as strings ("False") in PATCH values.
const scimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((s) => s.toLowerCase() === "true"),
]);
const optionalText = z
  .string()
  .max(1000)
  .nullish()
  .transform((s) => (s === undefined ? undefined : s?.trim() || null));

const email = z.object({
  value: z.string().trim().min(1).max(320),
  type: z.string().max(50).nullish(),
  primary: scimBoolean.nullish(),
  display: z.string().max(320).nullish(),
});

const userInput = z.object({
  userName: z.string().trim().min(1, "userName is required.").max(320),
  externalId: optionalText,
  displayName: optionalText,
  name: z.record(z.string(), z.union([z.string().max(1000), z.null()])).nullish(),
  emails: z.array(email).max(20).nullish(),
  active: scimBoolean.nullish(),
});

export type ScimUserInput = {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  name: Record<string, string>;
  emails: { value: string; type?: string; primary?: boolean }[];
  active: boolean;
};

/** A User resource's writable attributes, from a POST or PUT body or a patched resource. */
export function parseUserInput(body: unknown): ScimUserInput {
  const parsed = userInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw scimError("BAD_REQUEST", "invalidValue", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const v = parsed.data;
  const name = Object.fromEntries(
    Object.entries(v.name ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  return {
    userName: v.userName,
    externalId: v.externalId ?? null,
    displayName: v.displayName ?? null,
    name,
    emails: (v.emails ?? []).map((e) => ({
      value: e.value,
      ...(e.type ? { type: e.type } : {}),
      ...(e.primary ? { primary: true } : {}),
    })),
    active: v.active ?? true,
  };
}

/** The address the member signs in with: the primary email, the first one, or an email-shaped userName. */
export function signInEmail(input: Pick<ScimUserInput, "emails" | "userName">): string {
  const chosen = input.emails.find((e) => e.primary)?.value ?? input.emails[0]?.value ?? input.userName;
  const address = chosen.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw scimError("BAD_REQUEST", "invalidValue", "A user needs an email address (in emails or as userName).");
  }
  return address;
}

const groupInput = z.object({
  displayName: z.string().trim().min(1, "displayName is required.").max(256),
  externalId: optionalText,
  members: z
    .array(z.object({ value: z.string().min(1).max(100) }).loose())
    .max(10_000)
    .nullish(),
});

export type ScimGroupInput = { displayName: string; externalId: string | null; memberIds: string[] };

export function parseGroupInput(body: unknown): ScimGroupInput {
  const parsed = groupInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw scimError("BAD_REQUEST", "invalidValue", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const v = parsed.data;
  return {
    displayName: v.displayName,
    externalId: v.externalId ?? null,
    memberIds: [...new Set((v.members ?? []).map((m) => m.value))],
  };
}

/** startIndex (1-based) and count, clamped as RFC 7644 §3.4.2.4 says (no errors for odd values). */
export function pageOf(params: { startIndex?: string | null; count?: string | null }, max: number) {
  const start = Number.parseInt(params.startIndex ?? "", 10);
  const count = Number.parseInt(params.count ?? "", 10);
  return {
    startIndex: Number.isFinite(start) && start > 1 ? start : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), max) : max,
  };
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return { schemas: [SCHEMA.list], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
