import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser, testDatabase } from "@stagedoor/db/testing";
import { readSessionFacts, signOutEverywhere } from "./sessions";

const db = testDatabase();

async function session(userId: string, lastSeenAt: Date, ssoOrgId: string | null = null) {
  const sessionToken = randomBytes(16).toString("hex");
  await db.admin.session.create({
    data: { sessionToken, userId, ssoOrgId, lastSeenAt, expires: new Date(Date.now() + 3600_000) },
  });
  return sessionToken;
}

describe("sessions", () => {
  it("reads which IdP made a session and touches lastSeenAt at most once a minute", async () => {
    const user = await makeUser(db);
    const now = new Date();
    const fresh = await session(user.id, new Date(now.getTime() - 10_000));
    const stale = await session(user.id, new Date(now.getTime() - 5 * 60_000));
    expect(await readSessionFacts(db, fresh, now)).toMatchObject({ ssoOrgId: null });
    expect(
      (await db.admin.session.findUniqueOrThrow({ where: { sessionToken: fresh } })).lastSeenAt.getTime(),
    ).toBeLessThan(now.getTime());
    const facts = await readSessionFacts(db, stale, now);
    // The facts are from before this request: the idle check measures the gap up to it.
    expect(facts!.lastSeenAt.getTime()).toBeLessThan(now.getTime() - 60_000);
    expect((await db.admin.session.findUniqueOrThrow({ where: { sessionToken: stale } })).lastSeenAt).toEqual(now);
    expect(await readSessionFacts(db, "unknown", now)).toBeNull();
  });

  it("signs a user out everywhere, and nobody else", async () => {
    const user = await makeUser(db);
    const other = await makeUser(db);
    await session(user.id, new Date());
    await session(user.id, new Date());
    await session(other.id, new Date());
    expect(await signOutEverywhere(db, user.id)).toEqual({ sessions: 2 });
    expect(await db.admin.session.count({ where: { userId: other.id } })).toBe(1);
  });
});
