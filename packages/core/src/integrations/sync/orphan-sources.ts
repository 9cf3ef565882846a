import type { TenantDb } from "@stagedoor/db";
import { importSourceSet } from "../../catalog/import-source-set";
import type { CatalogSourceType } from "../../catalog/ingestion-types";

// Sources emptied per transaction: thousands of deleted repositories are a few statements each chunk.
const SOURCES_PER_SET = 500;

/** Empties these sources (their entities become orphans); returns how many entities that orphaned. */
export async function orphanSources(db: TenantDb, type: CatalogSourceType, keys: string[]): Promise<number> {
  let orphaned = 0;
  for (let i = 0; i < keys.length; i += SOURCES_PER_SET) {
    const inputs = keys
      .slice(i, i + SOURCES_PER_SET)
      .map((key) => ({ source: { type, key }, files: [], allowEmpty: true }));
    for (const report of await importSourceSet(db, null, inputs)) orphaned += report.counts.orphaned;
  }
  return orphaned;
}
