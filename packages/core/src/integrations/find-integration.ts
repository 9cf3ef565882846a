import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";

export type IntegrationRow = PrismaTypes.IntegrationGetPayload<object>;

/** The org's integration of any provider, or NOT_FOUND (also for another org's id: RLS hides it). */
export async function findIntegration(db: TenantDb, id: string): Promise<IntegrationRow> {
  const row = await db.integration.findFirst({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  return row;
}
