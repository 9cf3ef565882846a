import type { PrismaTypes } from "@stagedoor/db";
import { auditIdentity, authorize } from "../authz";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import { SCIM_MAX_PAGE_SIZE } from "../limits";
import { requestScimCatalogRefresh } from "./catalog-refresh";
import { parseScimFilter } from "./filter";
import { applyScimPatch, type ScimPatchOperation } from "./patch";
import {
  checkIfMatch,
  etag,
  listResponse,
  pageOf,
  parseGroupInput,
  SCHEMA,
  assertNotRemovalsOnly,
  type ScimContext,
  type ScimGroupInput,
} from "./resources";
import { scimError } from "./scim-errors";

type Tx = PrismaTypes.TransactionClient;

const ROW = {
  id: true,
  displayName: true,
  externalId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { user: { select: { id: true, userName: true, displayName: true } } } },
} as const;
type GroupRow = PrismaTypes.ScimGroupGetPayload<{ select: typeof ROW }>;

export function toScimGroup(row: GroupRow, baseUrl: string, withMembers = true) {
  return {
    schemas: [SCHEMA.group],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(withMembers
      ? {
          members: row.members.map((m) => ({
            value: m.user.id,
            display: m.user.displayName ?? m.user.userName,
            $ref: `${baseUrl}/Users/${m.user.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      version: etag(row.version),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}
export type ScimGroupResource = ReturnType<typeof toScimGroup>;

/** Entra ID lists groups with `excludedAttributes=members`; big groups then cost nothing. */
export function membersExcluded(query: { attributes?: string | null; excludedAttributes?: string | null }) {
  const listed = (s: string | null | undefined) => (s ?? "").split(",").map((a) => a.trim().toLowerCase());
  if (listed(query.excludedAttributes).includes("members")) return true;
  return Boolean(query.attributes) && !listed(query.attributes).includes("members");
}

const FILTERS = ["displayname", "externalid"];

export async function listScimGroups(
  ctx: ScimContext,
  query: {
    filter?: string | null;
    startIndex?: string | null;
    count?: string | null;
    attributes?: string | null;
    excludedAttributes?: string | null;
  },
) {
  authorize(ctx.principal, "scim.provision");
  const and: PrismaTypes.ScimGroupWhereInput[] = [];
  for (const c of query.filter ? parseScimFilter(query.filter, FILTERS) : []) {
    if (c.attribute === "displayname") and.push({ displayName: c.value });
    else and.push({ externalId: c.value });
  }
  const where: PrismaTypes.ScimGroupWhereInput = and.length ? { AND: and } : {};
  const page = pageOf(query, SCIM_MAX_PAGE_SIZE);
  const withMembers = !membersExcluded(query);
  const db = ctx.db.forOrg(ctx.orgId);
  const [total, rows] = await Promise.all([
    db.scimGroup.count({ where }),
    page.count === 0
      ? Promise.resolve([])
      : db.scimGroup.findMany({
          where,
          select: withMembers ? ROW : { ...ROW, members: { select: ROW.members.select, take: 0 } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: page.startIndex - 1,
          take: page.count,
        }),
  ]);
  return listResponse(
    rows.map((r) => toScimGroup(r, ctx.baseUrl, withMembers)),
    total,
    page.startIndex,
  );
}

async function findGroup(tx: Tx, id: string): Promise<GroupRow> {
  const row = await tx.scimGroup.findUnique({ where: { id }, select: ROW });
  if (!row) throw scimError("NOT_FOUND", null, `Group ${id} not found.`);
  return row;
}

export async function getScimGroup(
  ctx: ScimContext,
  id: string,
  query: { attributes?: string | null; excludedAttributes?: string | null } = {},
): Promise<ScimGroupResource> {
  authorize(ctx.principal, "scim.provision");
  const row = await ctx.db.forOrg(ctx.orgId).scimGroup.findUnique({ where: { id }, select: ROW });
  if (!row) throw scimError("NOT_FOUND", null, `Group ${id} not found.`);
  return toScimGroup(row, ctx.baseUrl, !membersExcluded(query));
}

export async function createScimGroup(ctx: ScimContext, body: unknown): Promise<ScimGroupResource> {
  authorize(ctx.principal, "scim.provision");
  assertNotRemovalsOnly(ctx);
  const input = parseGroupInput(body);
  const db = ctx.db.forOrg(ctx.orgId);
  const id = await db.transaction(async (tx) => {
    await assertUniqueName(tx, input.displayName, null);
    const created = await tx.scimGroup.create({
      data: { orgId: ctx.orgId, displayName: input.displayName, externalId: input.externalId },
      select: { id: true },
    });
    await setMembers(tx, ctx.orgId, created.id, input.memberIds);
    await audit(tx, ctx, "scim.group_created", input.displayName, input.memberIds.length);
    return created.id;
  });
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
  return getScimGroup(ctx, id);
}

export async function replaceScimGroup(ctx: ScimContext, id: string, body: unknown, ifMatch?: string | null) {
  authorize(ctx.principal, "scim.provision");
  return writeGroup(ctx, id, ifMatch, () => parseGroupInput(body));
}

export async function patchScimGroup(
  ctx: ScimContext,
  id: string,
  operations: ScimPatchOperation[],
  ifMatch?: string | null,
) {
  authorize(ctx.principal, "scim.provision");
  return writeGroup(ctx, id, ifMatch, (current) => {
    const { schemas: _s, meta: _m, id: _id, ...rest } = current;
    return parseGroupInput(applyScimPatch(rest, operations));
  });
}

export async function deleteScimGroup(ctx: ScimContext, id: string, ifMatch?: string | null): Promise<void> {
  authorize(ctx.principal, "scim.provision");
  const db = ctx.db.forOrg(ctx.orgId);
  await db.transaction(async (tx) => {
    const current = await findGroup(tx, id);
    checkIfMatch(ifMatch, current.version);
    await tx.scimGroup.delete({ where: { id } });
    await audit(tx, ctx, "scim.group_deleted", current.displayName, 0);
  });
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
}

async function writeGroup(
  ctx: ScimContext,
  id: string,
  ifMatch: string | null | undefined,
  next: (current: ScimGroupResource) => ScimGroupInput,
): Promise<ScimGroupResource> {
  // Group memberships map to roles: while only deprovisioning runs, they stay as they are.
  assertNotRemovalsOnly(ctx);
  const db = ctx.db.forOrg(ctx.orgId);
  await db.transaction(async (tx) => {
    const current = await findGroup(tx, id);
    checkIfMatch(ifMatch, current.version);
    const input = next(toScimGroup(current, ctx.baseUrl));
    await assertUniqueName(tx, input.displayName, id);
    const updated = await tx.scimGroup.updateMany({
      where: { id, version: current.version },
      data: { displayName: input.displayName, externalId: input.externalId, version: { increment: 1 } },
    });
    if (updated.count !== 1)
      throw scimError("PRECONDITION_FAILED", null, "The group changed meanwhile; read it again.");
    await setMembers(tx, ctx.orgId, id, input.memberIds);
    await audit(tx, ctx, "scim.group_updated", input.displayName, input.memberIds.length);
  });
  await requestScimCatalogRefresh(ctx.queue, ctx.orgId);
  return getScimGroup(ctx, id);
}

/** Replaces the group's members; ids must be users of this org (another org's are unknown here). */
async function setMembers(tx: Tx, orgId: string, groupId: string, userIds: string[]): Promise<void> {
  const known = await tx.scimUser.findMany({ where: { id: { in: userIds } }, select: { id: true } });
  if (known.length !== userIds.length) {
    const found = new Set(known.map((k) => k.id));
    const missing = userIds.filter((u) => !found.has(u));
    throw scimError(
      "BAD_REQUEST",
      "invalidValue",
      `Unknown member ${missing.slice(0, 3).join(", ")}: provision the user first.`,
    );
  }
  await tx.scimGroupMember.deleteMany({ where: { groupId, userId: { notIn: userIds } } });
  await tx.scimGroupMember.createMany({
    data: userIds.map((userId) => ({ orgId, groupId, userId })),
    skipDuplicates: true,
  });
}

async function assertUniqueName(tx: Tx, displayName: string, exceptId: string | null): Promise<void> {
  const clash = await tx.scimGroup.findFirst({
    where: {
      displayName: { equals: displayName, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw scimError("CONFLICT", "uniqueness", `A group named "${displayName}" already exists.`);
}

async function audit(tx: Tx, ctx: ScimContext, action: AuditAction, target: string, members: number) {
  const who = auditIdentity(ctx.principal);
  await recordAudit(tx, { orgId: ctx.orgId, actor: who.actor, action, target, data: { ...who.data, members } });
}
