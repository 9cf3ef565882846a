// Demo Cost Insights for `npm start`: the org's plugin trial with seats for both demo
// users, and 60 days of a small generated FOCUS export allocated to the demo catalog.
// Idempotent: the trial is started once, seats are only added, and the demo export is
// imported only while the org has no cost export of its own.
import {
  assignLicenses,
  DEFAULT_ALLOCATION_RULES,
  focusCsv,
  importCostFiles,
  makeCostIntegration,
  startPluginTrial,
  tempFiles,
  type FocusRow,
  type UserPrincipal,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";

/** Daily cents per demo component (growing ones make the movers and the growth alert). */
const SPEND: Array<{ tags: Record<string, string> | undefined; service: string; cents: (age: number) => number }> = [
  { tags: { "backstage.io/component": "payments-api" }, service: "Amazon EC2", cents: (a) => (a < 30 ? 4200 : 3000) },
  { tags: { "backstage.io/component": "refunds-worker" }, service: "AWS Lambda", cents: () => 350 },
  { tags: { service: "fraud-service" }, service: "Amazon SageMaker", cents: (a) => 1800 + (60 - a) * 10 },
  { tags: { "backstage.io/component": "web-shop" }, service: "Amazon CloudFront", cents: () => 2500 },
  { tags: { "backstage.io/component": "product-catalog" }, service: "Amazon RDS", cents: () => 1900 },
  { tags: { team: "team-platform" }, service: "Amazon EKS", cents: () => 1200 },
  { tags: undefined, service: "AWS Support", cents: () => 600 },
];

export async function seedDemoCosts(db: Database, orgId: string, owner: UserPrincipal, memberIds: string[]) {
  const tenant = db.forOrg(orgId);
  const billing = await db.admin.orgBilling.findUnique({ where: { orgId } });
  if (!billing?.pluginTrialUsedAt) await startPluginTrial(tenant, owner);
  await assignLicenses(tenant, owner, { pluginKey: "cost-insights", userIds: [owner.userId, ...memberIds] });

  if (await db.admin.integration.count({ where: { orgId, provider: "focus" } })) return;
  const integration = await makeCostIntegration(db, orgId, "Demo cloud bill (FOCUS)");
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const rows: FocusRow[] = [];
  for (let age = 1; age <= 60; age++) {
    const day = new Date(today - age * 86_400_000).toISOString().slice(0, 10);
    for (const s of SPEND)
      rows.push({ billedCents: s.cents(age), currency: "USD", day, service: s.service, tags: s.tags });
  }
  const files = await tempFiles({ "demo-focus.csv": focusCsv(rows) });
  try {
    const summary = await importCostFiles(
      tenant,
      integration.id,
      [{ path: files.path("demo-focus.csv"), name: "demo-focus.csv", format: "csv" }],
      DEFAULT_ALLOCATION_RULES,
    );
    console.log(`seed: demo costs: ${summary.rowsRead} FOCUS rows, ${summary.firstDay} to ${summary.lastDay}`);
  } finally {
    await files.cleanup();
  }
}
