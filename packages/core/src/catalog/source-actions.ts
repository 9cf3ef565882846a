import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import type { IntegrationDeps } from "../integrations/deps";
import { requestSync } from "../integrations/request-sync";
import { enqueueRepository } from "../integrations/providers/github/queue";
import { repositorySourceKey } from "../integrations/providers/github/sync/source-keys";
import { refreshFacetCounts } from "./facet-summary";
import { getEntity } from "./get-entity";
import type { SourceLocation } from "./ingestion-types";
import { lockOrgCatalog } from "./ingestion-state";

/** What Unregister would remove, for the confirmation that names it. */
export type UnregisterPlan = {
  /** The source as people know it (the entity page's origin display). */
  source: string;
  /** Every entity of that source, this one included, sorted; at most UNREGISTER_LIST_LIMIT. */
  entities: string[];
  total: number;
  /** GitHub sources are re-read by every sync: the entities come back unless the file goes. */
  comesBack: boolean;
};

export const UNREGISTER_LIST_LIMIT = 200;

// Refresh and Unregister change what the catalog holds: the same permission as registering.
const requireCatalogAdmin = (actor: UserPrincipal) => authorize(actor, "catalog.import");

async function sourceOf(db: TenantDb, actor: UserPrincipal, ref: string) {
  const entity = await getEntity(db, actor, ref);
  const source = await db.catalogSource.findFirst({
    where: { type: entity.source.type, key: entity.source.key },
    select: { id: true, type: true, key: true, location: true },
  });
  if (!source) throw new AppError("NOT_FOUND", `No entity ${entity.ref} in this catalog.`);
  return { entity, source };
}

export async function planUnregister(db: TenantDb, actor: UserPrincipal, ref: string): Promise<UnregisterPlan> {
  requireCatalogAdmin(actor);
  const { entity, source } = await sourceOf(db, actor, ref);
  const rows = await db.sql.one<{ ref: string; total: number }>(Prisma.sql`
    SELECT ref, (count(*) OVER ())::int AS total FROM "CatalogEntity"
    WHERE "orgId" = ${db.orgId} AND "sourceId" = ${source.id} ORDER BY ref LIMIT ${UNREGISTER_LIST_LIMIT}`);
  return {
    source: entity.origin.display,
    entities: rows.map((r) => r.ref),
    total: rows[0]?.total ?? 0,
    comesBack: source.type === "GITHUB",
  };
}

/**
 * Deletes the source that emitted this entity and every entity it emitted, as Backstage's
 * Unregister removes a location and its entities. `expectedTotal` is the count the person
 * confirmed: if the source changed since (a sync added entities), nothing is deleted.
 */
export async function unregisterEntitySource(
  db: TenantDb,
  actor: UserPrincipal,
  input: { ref: string; expectedTotal: number },
): Promise<{ deleted: string[] }> {
  requireCatalogAdmin(actor);
  const { entity, source } = await sourceOf(db, actor, input.ref);
  const deleted = await db.transaction(async (tx) => {
    await lockOrgCatalog(tx, db.orgId);
    const [counted] = await tx.$queryRaw<Array<{ total: number }>>`
      SELECT count(*)::int AS total FROM "CatalogEntity" WHERE "orgId" = ${db.orgId} AND "sourceId" = ${source.id}`;
    const total = counted?.total ?? 0;
    if (total !== input.expectedTotal) {
      throw new AppError(
        "CONFLICT",
        `The source now has ${total} ${total === 1 ? "entity" : "entities"}, not ${input.expectedTotal}: review again.`,
      );
    }
    // Relations these entities declared go with them (the catalog_entity_deleted trigger).
    const rows = await tx.$queryRaw<Array<{ ref: string; kind: string }>>`
      DELETE FROM "CatalogEntity" WHERE "orgId" = ${db.orgId} AND "sourceId" = ${source.id} RETURNING ref, kind`;
    await tx.catalogSource.delete({ where: { id: source.id } });
    await refreshFacetCounts(tx, db.orgId, [...new Set(rows.map((r) => r.kind))]);
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "catalog.unregistered",
      target: entity.origin.display,
      data: { ref: entity.ref, entities: rows.length },
    });
    return rows.map((r) => r.ref).sort();
  });
  return { deleted };
}

/**
 * Re-reads the source of this entity now: a GitHub repository is re-read on its own, the
 * teams (or a repository synced before locations were recorded) through a sync of the
 * integration. Pasted sources have nothing to re-read.
 */
export async function refreshEntitySource(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  ref: string,
): Promise<{ queued: "repository" | "integration" }> {
  requireCatalogAdmin(actor);
  const { entity, source } = await sourceOf(db, actor, ref);
  if (source.type !== "GITHUB") {
    throw new AppError("BAD_REQUEST", "This entity was registered by hand: import its file again to update it.");
  }
  const integrationId = source.key.split("/")[0] ?? "";
  const repositoryId = Number(source.key.split("/").at(-1));
  const repository = (source.location as SourceLocation | null)?.repository;
  const isRepository =
    Number.isSafeInteger(repositoryId) && source.key === repositorySourceKey(integrationId, repositoryId);
  if (isRepository && repository) {
    // One refresh per repository and minute: a double click is one job.
    await enqueueRepository(deps.queue, {
      orgId: db.orgId,
      integrationId,
      repository: { id: repositoryId, fullName: repository },
      action: "sync",
      deliveryId: `refresh-${Math.floor(Date.now() / 60_000)}`,
    });
    await db.transaction((tx) =>
      recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "catalog.refresh_requested",
        target: entity.origin.display,
        data: { ref: entity.ref },
      }),
    );
    return { queued: "repository" };
  }
  await requestSync(db, actor, deps, { id: integrationId });
  return { queued: "integration" };
}
