import { describe, expect, it } from "vitest";
import { makeMember, makeOrg } from "@stagedoor/db/testing";
import type { Role } from "@stagedoor/db";
import { callerFor, db, signedInUser, type TestUser } from "../../testing/caller";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** An org that requires SSO (set directly: the connection flow has its own tests in core). */
async function ssoOrg(rules: { requireSso?: boolean; sessionIdleMinutes?: number } = { requireSso: true }) {
  const org = await makeOrg(db);
  await db.admin.organization.update({ where: { id: org.id }, data: rules });
  const join = async (role: Role, ssoOrgId: string | null): Promise<TestUser> => {
    const user = await signedInUser();
    await makeMember(db, org.id, user.userId, role);
    return { ...user, session: { ssoOrgId, createdAt: minutesAgo(10), lastSeenAt: minutesAgo(1) } };
  };
  return { org, join };
}

describe("require SSO and session timeouts, at the org chokepoint", () => {
  it("lets members in only with a session from this org's IdP", async () => {
    const { org, join } = await ssoOrg();
    const viaIdp = await join("MEMBER", org.id);
    expect((await callerFor(viaIdp, org.slug).org.get()).id).toBe(org.id);
    const viaGitHub = await join("ADMIN", null);
    await expect(callerFor(viaGitHub, org.slug).org.get()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("single sign-on"),
    });
    await expect(callerFor(viaGitHub, org.slug).members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a session from a second org's IdP", async () => {
    const a = await ssoOrg();
    const b = await ssoOrg();
    const viaB = await a.join("MEMBER", b.org.id);
    await expect(callerFor(viaB, a.org.slug).catalog.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the owners' break-glass path, and audits it", async () => {
    const { org, join } = await ssoOrg();
    const owner = await join("OWNER", null);
    await callerFor(owner, org.slug).org.get();
    await callerFor(owner, org.slug).org.get();
    const audit = await db.forOrg(org.id).auditLog.findMany({ where: { action: "sso.break_glass" } });
    expect(audit).toMatchObject([{ actorEmail: owner.email }]);
  });

  it("ends an idle session for this org only", async () => {
    const strict = await ssoOrg({ sessionIdleMinutes: 15 });
    const user = await strict.join("MEMBER", null);
    const idle = { ...user, session: { ...user.session!, lastSeenAt: minutesAgo(20) } };
    await expect(callerFor(idle, strict.org.slug).org.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const relaxed = await makeOrg(db);
    await makeMember(db, relaxed.id, user.userId, "MEMBER");
    expect((await callerFor(idle, relaxed.slug).org.get()).id).toBe(relaxed.id);
  });
});
