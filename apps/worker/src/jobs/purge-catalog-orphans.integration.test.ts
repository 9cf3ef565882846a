import { describe, it, expect, afterAll } from "vitest";
import { Redis } from "ioredis";
import { QueueEvents } from "bullmq";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { component, docs } from "@stagedoor/catalog/testing";
import { getEntity, importCatalog } from "@stagedoor/core";
import { startWorker } from "../worker";
import type { Principal } from "@stagedoor/core";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const prefix = `${process.env.QUEUE_PREFIX}-catalog-${Date.now()}`;

afterAll(async () => {
  const keys = await connection.keys(`${prefix}:*`);
  if (keys.length) await connection.del(...keys);
  connection.disconnect();
});

describe("catalog.purgeOrphans", () => {
  it("deletes orphans past the grace period in every org, and nothing else", async () => {
    const [a, b] = await Promise.all([makeOrg(db), makeOrg(db)]);
    for (const org of [a, b]) {
      const push = (content: string) =>
        importCatalog(db.forOrg(org.id), null, {
          source: { type: "PUSH", key: "main" },
          files: [{ name: "c.yaml", content }],
        });
      await push(docs(component("keeper", { dependsOn: ["component:gone"] }), component("gone"), component("recent")));
      await push(component("keeper", { dependsOn: ["component:gone"] }));
    }
    // "gone" was orphaned two days ago; "recent" just now.
    await db.admin.catalogEntity.updateMany({
      where: { orgId: { in: [a.id, b.id] }, name: "gone" },
      data: { orphanedAt: new Date(Date.now() - 48 * 3600_000) },
    });

    const running = await startWorker({ db, connection, prefix, concurrency: 1, orphanGraceHours: 24 });
    const events = new QueueEvents("maintenance", { connection, prefix });
    await events.waitUntilReady();
    const job = await running.queue.add("catalog.purgeOrphans", { graceHours: 24 });
    await job.waitUntilFinished(events);
    await events.close();
    await running.close();

    for (const org of [a, b]) {
      const names = (await db.admin.catalogEntity.findMany({ where: { orgId: org.id }, orderBy: { name: "asc" } })).map(
        (e) => e.name,
      );
      expect(names).toEqual(["keeper", "recent"]);
      const keeper = await getEntity(db.forOrg(org.id), READER, "component:default/keeper");
      expect(keeper.relations.find((r) => r.type === "dependsOn")).toMatchObject({ dangling: true });
    }
  });
});
