import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type UserPrincipal } from "../authz";
import { parseRefInput } from "../catalog/get-entity";
import { ENTITIES, SUMMARY_COLUMNS, type EntitySummary } from "../catalog/entity-rows";

/** Enough for a personal list; a member past it unstars something first. */
export const MAX_STARS = 500;

/** Stars an entity of this org for the member (idempotent). Unknown refs answer NOT_FOUND. */
export async function starEntity(db: TenantDb, by: UserPrincipal, refInput: string): Promise<void> {
  authorize(by, "catalog.read");
  const userId = by.userId;
  const ref = parseRefInput(refInput);
  const exists = await db.catalogEntity.findFirst({ where: { ref }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", `No entity ${ref} in this catalog.`);
  const count = await db.catalogStar.count({ where: { userId } });
  if (count >= MAX_STARS) throw new AppError("BAD_REQUEST", `You can star up to ${MAX_STARS} entities.`);
  // "createdAt" holds milliseconds and the list is newest first: two stars within one
  // millisecond would tie, so a star is always stamped after the member's last one.
  await db.sql.one(Prisma.sql`
    INSERT INTO "CatalogStar" ("orgId", "userId", "entityRef", "createdAt")
    SELECT ${db.orgId}, ${userId}, ${ref}, GREATEST(now(), (
      SELECT max("createdAt") + interval '1 millisecond' FROM "CatalogStar"
      WHERE "orgId" = ${db.orgId} AND "userId" = ${userId}))
    ON CONFLICT ("orgId", "userId", "entityRef") DO NOTHING`);
}

export async function unstarEntity(db: TenantDb, by: UserPrincipal, refInput: string): Promise<void> {
  authorize(by, "catalog.read");
  const userId = by.userId;
  const ref = parseRefInput(refInput);
  await db.catalogStar.deleteMany({ where: { userId, entityRef: ref } });
}

/** The refs the member starred, newest first (stars of entities since deleted included). */
export async function starredRefs(db: TenantDb, by: UserPrincipal): Promise<string[]> {
  authorize(by, "catalog.read");
  return starredRefsOf(db, by.userId);
}

/** The same for a user id, for services that have authorized already. */
export async function starredRefsOf(db: TenantDb, userId: string): Promise<string[]> {
  const rows = await db.catalogStar.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { entityRef: "asc" }],
    select: { entityRef: true },
    take: MAX_STARS,
  });
  return rows.map((r) => r.entityRef);
}

/** Starred entities that still exist, newest star first. */
export async function listStarredEntities(db: TenantDb, userId: string, limit = 20): Promise<EntitySummary[]> {
  return db.sql.one<EntitySummary>(Prisma.sql`
    SELECT ${SUMMARY_COLUMNS} FROM "CatalogStar" s JOIN ${ENTITIES} e ON e."orgId" = s."orgId" AND e.ref = s."entityRef"
    WHERE s."orgId" = ${db.orgId} AND s."userId" = ${userId}
    ORDER BY s."createdAt" DESC, e.ref LIMIT ${limit}`);
}
