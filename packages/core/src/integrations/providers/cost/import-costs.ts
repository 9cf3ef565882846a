import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import type { AllocationRule } from "./allocation";
import { openFocusFiles, type FocusFile, type FocusReaderOptions, type RejectedRow } from "./focus-reader";
import { COST_PROVIDER } from "./settings";
import { storeCostImport } from "./store-costs";

export type CostImportSummary = {
  importId: string;
  rowsRead: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  aggregates: number;
  firstDay: string | null;
  lastDay: string | null;
};

/**
 * One import: reads the files (already on local disk) into daily aggregates and replaces
 * the integration's days they cover. Rows refused by validation are reported, not fatal.
 */
export async function importCostFiles(
  db: TenantDb,
  integrationId: string,
  files: readonly FocusFile[],
  rules: readonly AllocationRule[],
  options: FocusReaderOptions = {},
): Promise<CostImportSummary> {
  // Another org's integration is not found: its row is invisible to this org's client.
  const integration = await db.integration.findFirst({ where: { id: integrationId, provider: COST_PROVIDER } });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found.");
  const read = await openFocusFiles(files, rules, options);
  try {
    const source = files
      .map((f) => f.name)
      .join(", ")
      .slice(0, 1000);
    const stored = await storeCostImport(db, integrationId, source, read);
    return {
      importId: stored.importId,
      rowsRead: read.rowsRead,
      rowsRejected: read.rowsRejected,
      rejected: read.rejected,
      aggregates: stored.aggregates,
      firstDay: stored.firstDay,
      lastDay: stored.lastDay,
    };
  } finally {
    read.close();
  }
}
