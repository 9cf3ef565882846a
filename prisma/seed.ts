// Demo data for `npm start`: one org with an owner and a member, its catalog and Cost
// Insights (trial, seats and 60 days of costs: seed-costs.ts). Idempotent: running it
// again changes nothing.
import { readFileSync } from "node:fs";
import { importCatalog } from "@stagedoor/core";
import { createDatabase } from "@stagedoor/db";
import { seedDemoCosts } from "./seed-costs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("seed: DATABASE_URL is required but not set");
  process.exit(1);
}

const db = createDatabase({ url, poolSize: 1 });
const DEMO_SLUG = "demo";

try {
  const owner = await db.admin.user.upsert({
    where: { email: "demo@stagedoor.dev" },
    create: { email: "demo@stagedoor.dev", name: "Demo Owner" },
    update: {},
  });
  const member = await db.admin.user.upsert({
    where: { email: "dev@stagedoor.dev" },
    create: { email: "dev@stagedoor.dev", name: "Dana Developer" },
    update: {},
  });
  const existing = await db.admin.organization.findUnique({ where: { slug: DEMO_SLUG } });
  if (existing) {
    console.log(`seed: demo org "${DEMO_SLUG}" already present`);
  } else {
    await db.admin.transaction(async (tx) => {
      const org = await tx.organization.create({ data: { slug: DEMO_SLUG, name: "Demo Co" } });
      await tx.membership.createMany({
        data: [
          { orgId: org.id, userId: owner.id, role: "OWNER" },
          { orgId: org.id, userId: member.id, role: "MEMBER" },
        ],
      });
      await tx.auditLog.createMany({
        data: [
          {
            orgId: org.id,
            actorId: owner.id,
            actorEmail: owner.email,
            action: "org.created",
            target: DEMO_SLUG,
            data: { name: "Demo Co" },
          },
          {
            orgId: org.id,
            actorId: member.id,
            actorEmail: member.email,
            action: "invitation.accepted",
            target: member.email,
            data: { role: "MEMBER" },
          },
        ],
      });
    });
    console.log(`seed: created demo org "${DEMO_SLUG}" (owner demo@stagedoor.dev)`);
  }
  // The demo catalog: importing the same file again changes nothing (unchanged by hash).
  const org = await db.admin.organization.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const report = await importCatalog(db.forOrg(org.id), null, {
    source: { type: "PUSH", key: "demo" },
    files: [{ name: "demo-catalog.yaml", content: readFileSync(new URL("./demo-catalog.yaml", import.meta.url)) }],
  });
  const c = report.counts;
  console.log(
    `seed: demo catalog: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.invalid} invalid`,
  );
  await seedDemoCosts(db, org.id, { type: "user", userId: owner.id, email: owner.email, role: "OWNER" }, [member.id]);
} finally {
  await db.disconnect();
}
