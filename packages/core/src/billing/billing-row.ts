import type { PrismaTypes } from "@stagedoor/db";
import { planByKey } from "./plans";

/**
 * Creates the org's billing row on first need (free plan, its limits copied) and locks it
 * for the rest of the transaction: license and trial changes serialize on it.
 */
export async function lockBillingRow(tx: PrismaTypes.TransactionClient, orgId: string): Promise<void> {
  const limit = planByKey("free").memberLimit;
  await tx.$executeRaw`
    INSERT INTO "OrgBilling" ("orgId", "memberLimit", "updatedAt") VALUES (${orgId}, ${limit}, now())
    ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "OrgBilling" WHERE "orgId" = ${orgId} FOR UPDATE`;
}
