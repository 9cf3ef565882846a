import { classifyWebhook, type Classification, type ReceivedDelivery } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { repositorySourceKey } from "../sync/source-keys";

/**
 * A push that touched none of the configured catalog paths may still have changed a file
 * the catalog reads: a Location target in the same repository. Those are the files the
 * repository's source holds entities from, so the push is classified again with them.
 */
export async function withLocationTargets(
  db: TenantDb,
  integrationId: string,
  delivery: ReceivedDelivery,
  rawBody: Uint8Array,
  catalogPaths: readonly string[],
): Promise<Classification> {
  if (delivery.eventName !== "push" || delivery.classification.handled) return delivery.classification;
  let payload: { repository?: { id?: unknown } };
  try {
    payload = JSON.parse(Buffer.from(rawBody).toString("utf8")) as typeof payload;
  } catch {
    return delivery.classification;
  }
  const id = Number(payload.repository?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return delivery.classification;
  const rows = await db.catalogEntity.findMany({
    where: { source: { type: "GITHUB", key: repositorySourceKey(integrationId, id) } },
    select: { file: true },
    distinct: ["file"],
  });
  const watchedPaths = rows.map((r) => r.file).filter((file) => !catalogPaths.includes(file));
  if (watchedPaths.length === 0) return delivery.classification;
  return classifyWebhook("push", payload, { catalogPaths, watchedPaths });
}
