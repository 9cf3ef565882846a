import type { TenantDb } from "@stagedoor/db";
import { importCatalog } from "../../catalog/import-catalog";
import type { CatalogSourceType } from "../../catalog/ingestion-types";

/** Empties these sources (their entities become orphans); returns how many entities that orphaned. */
export async function orphanSources(db: TenantDb, type: CatalogSourceType, keys: string[]): Promise<number> {
  let orphaned = 0;
  for (const key of keys) {
    const report = await importCatalog(db, null, { source: { type, key }, files: [], allowEmpty: true });
    orphaned += report.counts.orphaned;
  }
  return orphaned;
}
