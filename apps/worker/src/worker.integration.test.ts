import { describe, it, expect, afterAll } from "vitest";
import { Redis } from "ioredis";
import { QueueEvents } from "bullmq";
import { makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { startWorker } from "./worker";

const db = testDatabase();
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const prefix = `${process.env.QUEUE_PREFIX}-worker-${Date.now()}`;

afterAll(async () => {
  const keys = await connection.keys(`${prefix}:*`);
  if (keys.length) await connection.del(...keys);
  connection.disconnect();
});

describe("maintenance worker", () => {
  it("registers its schedulers once, however often it starts", async () => {
    const a = await startWorker({ db, connection, prefix, concurrency: 1 });
    await a.close();
    const b = await startWorker({ db, connection, prefix, concurrency: 1 });
    const schedulers = await b.queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      "catalog.purgeOrphans",
      "invitations.purgeStale",
      "sessions.purgeExpired",
    ]);
    await b.close();
  });

  it("purges expired sessions and stale invitations across orgs, and nothing else", async () => {
    const user = await makeUser(db);
    const org = await makeOrg(db);
    await db.admin.session.createMany({
      data: [
        { sessionToken: `old-${user.id}`, userId: user.id, expires: new Date(Date.now() - 1000) },
        { sessionToken: `live-${user.id}`, userId: user.id, expires: new Date(Date.now() + 3600_000) },
      ],
    });
    await db.admin.samlRequest.createMany({
      data: [
        { id: `_old-${org.id}`, orgId: org.id, redirectTo: "/", expiresAt: new Date(Date.now() - 1000) },
        { id: `_live-${org.id}`, orgId: org.id, redirectTo: "/", expiresAt: new Date(Date.now() + 600_000) },
      ],
    });
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    await db.admin.invitation.createMany({
      data: [
        { orgId: org.id, email: "old@example.test", role: "MEMBER", tokenHash: `h-old-${org.id}`, expiresAt: longAgo },
        {
          orgId: org.id,
          email: "new@example.test",
          role: "MEMBER",
          tokenHash: `h-new-${org.id}`,
          expiresAt: new Date(Date.now() + 3600_000),
        },
      ],
    });
    const running = await startWorker({ db, connection, prefix, concurrency: 1 });
    const events = new QueueEvents("maintenance", { connection, prefix });
    await events.waitUntilReady();
    const s = await running.queue.add("sessions.purgeExpired", {});
    const i = await running.queue.add("invitations.purgeStale", { olderThanDays: 30 });
    // The schedulers also run each job once at start, so either run may do the deleting:
    // what matters is the state afterwards.
    await s.waitUntilFinished(events);
    await i.waitUntilFinished(events);
    await events.close();
    await running.close();
    expect((await db.admin.session.findMany({ where: { userId: user.id } })).map((x) => x.sessionToken)).toEqual([
      `live-${user.id}`,
    ]);
    expect((await db.admin.samlRequest.findMany({ where: { orgId: org.id } })).map((x) => x.id)).toEqual([
      `_live-${org.id}`,
    ]);
    expect((await db.admin.invitation.findMany({ where: { orgId: org.id } })).map((x) => x.email)).toEqual([
      "new@example.test",
    ]);
  });
});
