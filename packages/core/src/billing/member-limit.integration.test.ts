import { describe, expect, it } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { acceptInvitation } from "../invitations/accept-invitation";
import { newInvitationToken } from "../invitations/tokens";
import { inviteMember } from "../members/invite-member";
import { planByKey } from "./plans";

const db = testDatabase();
const FREE_LIMIT = planByKey("free").memberLimit!;

/** A free-plan org one member short of its limit. */
async function orgAtLimitMinusOne() {
  const org = await makeOrg(db);
  const owner = await makeUser(db);
  await makeMember(db, org.id, owner.id, "OWNER");
  for (let i = 1; i < FREE_LIMIT - 1; i++) await makeMember(db, org.id, (await makeUser(db)).id);
  return { org, owner };
}

/**
 * An invitation as it stands after a downgrade (sent while the plan allowed more members):
 * written directly, since inviting on the free plan now counts pending invitations.
 */
async function pendingInvitation(orgId: string) {
  const user = await makeUser(db);
  const { token, tokenHash } = newInvitationToken();
  await db.admin.invitation.create({
    data: { orgId, email: user.email, role: "MEMBER", tokenHash, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return { user: { userId: user.id, email: user.email }, token };
}

const noSeatSync = { enqueue: async () => {} };

describe("the plan's member limit under concurrency", () => {
  it("lets exactly one of two parallel acceptances take the last place, and tells the other why", async () => {
    const { org } = await orgAtLimitMinusOne();
    const [a, b] = await Promise.all([pendingInvitation(org.id), pendingInvitation(org.id)]);
    const results = await Promise.allSettled([
      acceptInvitation(db, a.user, a.token, noSeatSync),
      acceptInvitation(db, b.user, b.token, noSeatSync),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `The Free plan allows ${FREE_LIMIT} members. An admin can upgrade on the Billing page.`,
    });
    expect(await db.admin.membership.count({ where: { orgId: org.id } })).toBe(FREE_LIMIT);
    // The refused invitation is not used up: after an upgrade (or a departure) it still works.
    const unused = await db.admin.invitation.count({ where: { orgId: org.id, acceptedAt: null } });
    expect(unused).toBe(1);
  });

  it("lets exactly one of two parallel invitations take the last place", async () => {
    const { org, owner } = await orgAtLimitMinusOne();
    const admin = { type: "user" as const, userId: owner.id, email: owner.email, role: "OWNER" as const };
    const tenant = db.forOrg(org.id);
    const results = await Promise.allSettled([
      inviteMember(tenant, admin, { email: `first-${org.slug}@example.test`, role: "MEMBER" }),
      inviteMember(tenant, admin, { email: `second-${org.slug}@example.test`, role: "MEMBER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(String(refused.reason.message)).toMatch(/allows 10 members \(pending invitations count\)/);
  });
});
