import { randomBytes } from "node:crypto";
import { describe, it, expect } from "vitest";
import type { Role } from "@stagedoor/db";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../authz";
import { authenticateApiToken, createApiToken } from "../api-tokens/api-tokens";
import { endMemberAccess } from "./end-member-access";
import { removeMember } from "./change-member";

const db = testDatabase();

async function sessionFor(userId: string) {
  const sessionToken = randomBytes(16).toString("hex");
  await db.admin.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3600_000) } });
  return sessionToken;
}

async function memberWithAccess(role: Role = "ADMIN") {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  const membership = await makeMember(db, org.id, user.id, role);
  const principal: UserPrincipal = { type: "user", userId: user.id, email: user.email, role };
  const tdb = db.forOrg(org.id);
  const { token } = await createApiToken(tdb, principal, { name: "ci", scopes: ["catalog:read"] });
  await sessionFor(user.id);
  await sessionFor(user.id);
  return { org, user, membership, tdb, token, principal };
}

describe("endMemberAccess", () => {
  it("ends the member's sessions and revokes their tokens at once, and says how many", async () => {
    const { user, membership, tdb, token } = await memberWithAccess();
    expect(await authenticateApiToken(db, token)).not.toBeNull();
    expect(await endMemberAccess(tdb, membership.id)).toEqual({ sessions: 2, apiTokens: 1 });
    expect(await db.admin.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await authenticateApiToken(db, token)).toBeNull();
    // The membership stays: what to do with it is the caller's decision.
    expect(await tdb.membership.count({ where: { id: membership.id } })).toBe(1);
    const audit = await tdb.auditLog.findMany({ where: { action: "member.access_ended" } });
    expect(audit).toMatchObject([{ target: user.email, data: { via: "system", sessions: 2, apiTokens: 1 } }]);
    expect(await endMemberAccess(tdb, membership.id)).toEqual({ sessions: 0, apiTokens: 0 });
  });

  it("cannot reach another org's member (not found) and leaves their access alone", async () => {
    const a = await memberWithAccess();
    const b = await memberWithAccess();
    await expect(endMemberAccess(a.tdb, b.membership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.admin.session.count({ where: { userId: b.user.id } })).toBe(2);
    expect(await authenticateApiToken(db, b.token)).not.toBeNull();
  });

  it("lets the tenant role see only sessions of its own members", async () => {
    const a = await memberWithAccess();
    const outsider = await makeUser(db);
    await sessionFor(outsider.id);
    expect(await a.tdb.session.count()).toBe(2);
    await a.tdb.session.deleteMany({});
    expect(await db.admin.session.count({ where: { userId: outsider.id } })).toBe(1);
  });

  it("is what removing a member does; leaving keeps the leaver's sessions", async () => {
    const { org, tdb, principal } = await memberWithAccess("OWNER");
    const removed = await memberWithAccess("ADMIN");
    const removedHere = await makeMember(db, org.id, removed.user.id, "MEMBER");
    await removeMember(tdb, principal, removedHere.id);
    expect(await db.admin.session.count({ where: { userId: removed.user.id } })).toBe(0);

    const leaver = await makeUser(db);
    const leaverMembership = await makeMember(db, org.id, leaver.id, "MEMBER");
    await sessionFor(leaver.id);
    await removeMember(
      tdb,
      { type: "user", userId: leaver.id, email: leaver.email, role: "MEMBER" },
      leaverMembership.id,
    );
    expect(await db.admin.session.count({ where: { userId: leaver.id } })).toBe(1);
  });
});
