import { randomBytes } from "node:crypto";
import { describe, it, expect } from "vitest";
import type { Role } from "@stagedoor/db";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../authz";
import { authenticateApiToken, createApiToken } from "../api-tokens/api-tokens";
import { endMemberAccess } from "./end-member-access";
import { removeMember } from "./change-member";

const db = testDatabase();
const noSeatSync = { enqueue: async () => {} };

async function sessionFor(userId: string, ssoOrgId: string | null = null) {
  const sessionToken = randomBytes(16).toString("hex");
  await db.admin.session.create({
    data: { sessionToken, userId, ssoOrgId, expires: new Date(Date.now() + 3600_000) },
  });
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
  it("ends all sessions of a user of no other org and revokes their tokens at once, and says how many", async () => {
    const { org, user, membership, tdb, token } = await memberWithAccess();
    expect(await authenticateApiToken(db, token)).not.toBeNull();
    expect(await endMemberAccess(db, org.id, membership.id)).toEqual({ sessions: 2, apiTokens: 1 });
    expect(await db.admin.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await authenticateApiToken(db, token)).toBeNull();
    // The membership stays: what to do with it is the caller's decision.
    expect(await tdb.membership.count({ where: { id: membership.id } })).toBe(1);
    const audit = await tdb.auditLog.findMany({ where: { action: "member.access_ended" } });
    expect(audit).toMatchObject([
      { target: user.email, data: { via: "system", sessions: 2, apiTokens: 1, allSessions: true } },
    ]);
    expect(await endMemberAccess(db, org.id, membership.id)).toEqual({ sessions: 0, apiTokens: 0 });
  });

  it("for a member of another org: ends only the sessions this org's IdP made, and only this org's tokens", async () => {
    const a = await memberWithAccess();
    const other = await makeOrg(db);
    await makeMember(db, other.id, a.user.id, "ADMIN");
    const otherPrincipal: UserPrincipal = { ...a.principal };
    const { token: otherToken } = await createApiToken(db.forOrg(other.id), otherPrincipal, {
      name: "elsewhere",
      scopes: ["catalog:read"],
    });
    const viaThisIdp = await sessionFor(a.user.id, a.org.id);
    const viaOtherIdp = await sessionFor(a.user.id, other.id);

    expect(await endMemberAccess(db, a.org.id, a.membership.id)).toEqual({ sessions: 1, apiTokens: 1 });
    const left = await db.admin.session.findMany({ where: { userId: a.user.id }, select: { sessionToken: true } });
    expect(left.map((s) => s.sessionToken)).toContain(viaOtherIdp);
    expect(left.map((s) => s.sessionToken)).not.toContain(viaThisIdp);
    expect(left).toHaveLength(3);
    expect(await authenticateApiToken(db, a.token)).toBeNull();
    expect(await authenticateApiToken(db, otherToken)).not.toBeNull();
  });

  it("cannot reach another org's member (not found) and leaves their access alone", async () => {
    const a = await memberWithAccess();
    const b = await memberWithAccess();
    await expect(endMemberAccess(db, a.org.id, b.membership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
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

  it("is what removing a member does (same rule); leaving keeps the leaver's sessions", async () => {
    const { org, tdb, principal } = await memberWithAccess("OWNER");
    // A member of another org too: only the session of this org's IdP ends.
    const removed = await memberWithAccess("ADMIN");
    const removedHere = await makeMember(db, org.id, removed.user.id, "MEMBER");
    await sessionFor(removed.user.id, org.id);
    await removeMember(tdb, principal, removedHere.id, db, noSeatSync);
    expect(await db.admin.session.count({ where: { userId: removed.user.id } })).toBe(2);
    // A member of this org only: all their sessions end.
    const only = await makeUser(db);
    const onlyHere = await makeMember(db, org.id, only.id, "MEMBER");
    await sessionFor(only.id);
    await removeMember(tdb, principal, onlyHere.id, db, noSeatSync);
    expect(await db.admin.session.count({ where: { userId: only.id } })).toBe(0);

    const leaver = await makeUser(db);
    const leaverMembership = await makeMember(db, org.id, leaver.id, "MEMBER");
    await sessionFor(leaver.id);
    await removeMember(
      tdb,
      { type: "user", userId: leaver.id, email: leaver.email, role: "MEMBER" },
      leaverMembership.id,
      db,
      noSeatSync,
    );
    expect(await db.admin.session.count({ where: { userId: leaver.id } })).toBe(1);
  });
});
