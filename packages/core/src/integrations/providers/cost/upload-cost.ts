import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { byteLimit, CostExportError } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { authorize, type UserPrincipal } from "../../../authz";
import { AppError } from "../../../errors";
import { MAX_COST_UPLOAD_BYTES } from "../../../limits";
import { applyOnboardingStep } from "../../../onboarding/onboarding";
import type { IntegrationDeps } from "../../deps";
import { formatOf } from "./focus-columns";
import { findCostIntegration } from "./find-cost-integration";
import { importCostFiles, type CostImportSummary } from "./import-costs";

/**
 * An export uploaded in the UI: the request body is streamed to a temporary file (refused
 * past MAX_COST_UPLOAD_BYTES), imported like any other, and deleted.
 */
export async function uploadCostExport(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: { integrationId: string; fileName: string; body: Readable },
): Promise<CostImportSummary> {
  authorize(actor, "integrations.manage");
  const integration = await findCostIntegration(db, deps, input.integrationId);
  const name =
    basename(input.fileName)
      .replace(/[^\w.-]/g, "_")
      .slice(0, 200) || "export.csv";
  const dir = await mkdtemp(join(tmpdir(), "stagedoor-cost-upload-"));
  try {
    const path = join(dir, name);
    try {
      await pipeline(input.body, byteLimit(MAX_COST_UPLOAD_BYTES, "The uploaded file"), createWriteStream(path));
    } catch (error) {
      if (error instanceof CostExportError) throw new AppError("BAD_REQUEST", error.message);
      throw error;
    }
    const summary = await importCostFiles(
      db,
      integration.id,
      [{ path, name, format: formatOf(name) }],
      integration.config.allocation,
    );
    // An upload is its integration's sync: it marks it fresh and settles the wizard's step.
    await db.transaction(async (tx) => {
      await tx.integration.update({
        where: { id: integration.id },
        data: { lastSyncAt: new Date(), status: "connected", statusMessage: null },
      });
      await applyOnboardingStep(tx, db.orgId, "cloud", "done");
    });
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
