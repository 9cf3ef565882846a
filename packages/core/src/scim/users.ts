import { Prisma, type PrismaTypes, type TenantDb } from "@stagedoor/db";
import { authorize } from "../authz";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import { auditIdentity } from "../authz";
import { SCIM_MAX_PAGE_SIZE } from "../limits";
import { requestScimCatalogRefresh } from "./catalog-refresh";
import { endMemberAccess } from "../members/end-member-access";
import { assertMemberCapacity } from "../billing/member-limit";
import { requestSeatSync } from "../billing/seat-sync";
import { isAppError } from "../errors";
import { parseScimFilter } from "./filter";
import { applyScimPatch, type ScimPatchOperation } from "./patch";
import {
  checkIfMatch,
  etag,
  listResponse,
  pageOf,
  parseUserInput,
  SCHEMA,
  signInEmail,
  assertNotRemovalsOnly,
  type ScimContext,
  type ScimUserInput,
} from "./resources";
import { scimError } from "./scim-errors";

type Tx = PrismaTypes.TransactionClient;

const ROW = {
  id: true,
  userName: true,
  externalId: true,
  displayName: true,
  name: true,
  emails: true,
  active: true,
  userId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { group: { select: { id: true, displayName: true } } } },
} as const;
type UserRow = PrismaTypes.ScimUserGetPayload<{ select: typeof ROW }>;

export function toScimUser(row: UserRow, baseUrl: string) {
  return {
    schemas: [SCHEMA.user],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    ...(row.displayName ? { displayName: row.displayName } : {}),
    name: row.name,
    emails: row.emails,
    active: row.active,
    groups: row.members.map((m) => ({
      value: m.group.id,
      display: m.group.displayName,
      $ref: `${baseUrl}/Groups/${m.group.id}`,
    })),
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      version: etag(row.version),
      location: `${baseUrl}/Users/${row.id}`,
    },
  };
}
export type ScimUserResource = ReturnType<typeof toScimUser>;

const FILTERS = ["username", "externalid", "displayname", "emails.value"];

export async function listScimUsers(
  ctx: ScimContext,
  query: { filter?: string | null; startIndex?: string | null; count?: string | null },
) {
  authorize(ctx.principal, "scim.provision");
  const where: PrismaTypes.ScimUserWhereInput = {};
  const and: PrismaTypes.ScimUserWhereInput[] = [];
  for (const c of query.filter ? parseScimFilter(query.filter, FILTERS) : []) {
    // userName is case-insensitive (RFC 7643 §4.1.1), the others exact.
    if (c.attribute === "username") and.push({ userNameKey: c.value.toLowerCase() });
    else if (c.attribute === "externalid") and.push({ externalId: c.value });
    else if (c.attribute === "displayname") and.push({ displayName: c.value });
    else and.push({ emails: { array_contains: [{ value: c.value }] } });
  }
  if (and.length) where.AND = and;
  const page = pageOf(query, SCIM_MAX_PAGE_SIZE);
  const db = ctx.db.forOrg(ctx.orgId);
  const [total, rows] = await Promise.all([
    db.scimUser.count({ where }),
    page.count === 0
      ? Promise.resolve([])
      : db.scimUser.findMany({
          where,
          select: ROW,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: page.startIndex - 1,
          take: page.count,
        }),
  ]);
  return listResponse(
    rows.map((r) => toScimUser(r, ctx.baseUrl)),
    total,
    page.startIndex,
  );
}

async function findUser(db: TenantDb, id: string): Promise<UserRow> {
  const row = await db.scimUser.findUnique({ where: { id }, select: ROW });
  if (!row) throw scimError("NOT_FOUND", null, `User ${id} not found.`);
  return row;
}

export async function getScimUser(ctx: ScimContext, id: string): Promise<ScimUserResource> {
  authorize(ctx.principal, "scim.provision");
  return toScimUser(await findUser(ctx.db.forOrg(ctx.orgId), id), ctx.baseUrl);
}

export async function createScimUser(ctx: ScimContext, body: unknown): Promise<ScimUserResource> {
  authorize(ctx.principal, "scim.provision");
  assertNotRemovalsOnly(ctx);
  const input = parseUserInput(body);
  const userId = input.active ? await ensureUser(ctx, input) : null;
  const db = ctx.db.forOrg(ctx.orgId);
  const id = await uniquely(input.userName, () =>
    db.transaction(async (tx) => {
      await assertUniqueUserName(tx, input.userName, null);
      const created = await tx.scimUser.create({
        data: { orgId: ctx.orgId, ...columns(input), userId },
        select: { id: true },
      });
      if (userId) await ensureMembership(tx, ctx.orgId, userId);
      await audit(tx, ctx, "scim.user_provisioned", input.userName);
      return created.id;
    }),
  );
  if (userId) await requestSeatSync(ctx.queue, ctx.orgId);
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
  return getScimUser(ctx, id);
}

export async function replaceScimUser(ctx: ScimContext, id: string, body: unknown, ifMatch?: string | null) {
  authorize(ctx.principal, "scim.provision");
  return writeUser(ctx, id, ifMatch, () => parseUserInput(body));
}

export async function patchScimUser(
  ctx: ScimContext,
  id: string,
  operations: ScimPatchOperation[],
  ifMatch?: string | null,
) {
  authorize(ctx.principal, "scim.provision");
  return writeUser(ctx, id, ifMatch, (current) => {
    const { schemas: _s, meta: _m, groups: _g, id: _id, ...rest } = current;
    return parseUserInput(applyScimPatch(rest, operations));
  });
}

export async function deleteScimUser(ctx: ScimContext, id: string, ifMatch?: string | null): Promise<void> {
  authorize(ctx.principal, "scim.provision");
  const db = ctx.db.forOrg(ctx.orgId);
  const current = await findUser(db, id);
  checkIfMatch(ifMatch, current.version);
  const membershipId = current.active && current.userId ? await membershipOf(ctx, current.userId) : null;
  if (membershipId) await endMemberAccess(ctx.db, ctx.orgId, membershipId, ctx.principal);
  await db.transaction(async (tx) => {
    if (current.userId) await removeMembership(tx, ctx.orgId, current.userId);
    await tx.scimUser.delete({ where: { id } });
    await audit(tx, ctx, "scim.user_deleted", current.userName);
  });
  if (current.userId) await requestSeatSync(ctx.queue, ctx.orgId);
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
}

/** PUT and PATCH: compute the new state from the current one, then apply it and its side effects. */
async function writeUser(
  ctx: ScimContext,
  id: string,
  ifMatch: string | null | undefined,
  next: (current: ScimUserResource) => ScimUserInput,
): Promise<ScimUserResource> {
  const db = ctx.db.forOrg(ctx.orgId);
  const current = await findUser(db, id);
  checkIfMatch(ifMatch, current.version);
  const input = next(toScimUser(current, ctx.baseUrl));
  const deactivating = current.active && !input.active;
  if (!deactivating) assertNotRemovalsOnly(ctx);
  const userId = input.active ? (current.userId ?? (await ensureUser(ctx, input))) : current.userId;
  // Deprovisioning: sessions and tokens end before the membership goes, so nothing the
  // member holds outlives it.
  const membershipId = deactivating && current.userId ? await membershipOf(ctx, current.userId) : null;
  if (membershipId) await endMemberAccess(ctx.db, ctx.orgId, membershipId, ctx.principal);
  await uniquely(input.userName, () =>
    db.transaction(async (tx) => {
      await assertUniqueUserName(tx, input.userName, id);
      // The version check and bump in one statement: a concurrent writer makes this one fail.
      const updated = await tx.scimUser.updateMany({
        where: { id, version: current.version },
        data: { ...columns(input), userId, version: { increment: 1 } },
      });
      if (updated.count !== 1)
        throw scimError("PRECONDITION_FAILED", null, "The user changed meanwhile; read it again.");
      if (input.active && userId) await ensureMembership(tx, ctx.orgId, userId);
      if (deactivating && current.userId) await removeMembership(tx, ctx.orgId, current.userId);
      const action: AuditAction = deactivating ? "scim.user_deactivated" : "scim.user_updated";
      await audit(tx, ctx, action, input.userName);
    }),
  );
  // Activation and deactivation add or remove a member; the job counts, so asking is cheap.
  if (input.active !== current.active) await requestSeatSync(ctx.queue, ctx.orgId);
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
  return getScimUser(ctx, id);
}

function columns(input: ScimUserInput) {
  return {
    userName: input.userName,
    userNameKey: input.userName.toLowerCase(),
    externalId: input.externalId,
    displayName: input.displayName,
    name: input.name,
    emails: input.emails,
    active: input.active,
  };
}

/** A concurrent request that took the userName first loses on the unique index: the same 409. */
async function uniquely<T>(userName: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw scimError("CONFLICT", "uniqueness", `A user with userName "${userName}" already exists.`);
    }
    throw error;
  }
}

async function assertUniqueUserName(tx: Tx, userName: string, exceptId: string | null): Promise<void> {
  const clash = await tx.scimUser.findFirst({
    where: { userNameKey: userName.toLowerCase(), ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw scimError("CONFLICT", "uniqueness", `A user with userName "${userName}" already exists.`);
}

/**
 * The person behind a provisioned user: the existing account with that email (people
 * sign in to several orgs with one account), or a new one. Accounts are global, so this
 * runs as admin; it never changes an existing account's email or name.
 */
async function ensureUser(ctx: ScimContext, input: ScimUserInput): Promise<string> {
  const email = signInEmail(input);
  const name = input.displayName ?? ([input.name.givenName, input.name.familyName].filter(Boolean).join(" ") || null);
  try {
    const user = await ctx.db.admin.user.upsert({
      where: { email },
      create: { email, name },
      update: {},
      select: { id: true },
    });
    return user.id;
  } catch (error) {
    // Prisma's upsert is a read then a write: a concurrent request may create the account between.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return (await ctx.db.admin.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  }
}

async function ensureMembership(tx: Tx, orgId: string, userId: string): Promise<void> {
  // An existing member keeps their role; a new one joins as a member, within the plan's
  // member limit. SCIM has no quota error: 403 with the reason (412 would read as an ETag
  // mismatch to a SCIM client).
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { id: true } });
  if (existing) return;
  try {
    await assertMemberCapacity(tx, orgId, "accept");
  } catch (error) {
    if (isAppError(error) && error.code === "PRECONDITION_FAILED") throw scimError("FORBIDDEN", null, error.message);
    throw error;
  }
  await tx.membership.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, role: "MEMBER" },
    update: {},
  });
}

async function membershipOf(ctx: ScimContext, userId: string): Promise<string | null> {
  const m = await ctx.db.forOrg(ctx.orgId).membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
    select: { id: true, role: true },
  });
  if (m?.role === "OWNER") {
    const owners = await ctx.db.forOrg(ctx.orgId).membership.count({ where: { role: "OWNER" } });
    if (owners <= 1) {
      throw scimError("BAD_REQUEST", "mutability", "The organization's last owner cannot be deprovisioned.");
    }
  }
  return m?.id ?? null;
}

async function removeMembership(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.membership.deleteMany({ where: { orgId, userId } });
}

async function audit(tx: Tx, ctx: ScimContext, action: AuditAction, target: string): Promise<void> {
  const who = auditIdentity(ctx.principal);
  await recordAudit(tx, { orgId: ctx.orgId, actor: who.actor, action, target, data: who.data });
}
