import { describe, it, expect } from "vitest";
import { makeMember, makeUser } from "@stagedoor/db/testing";
import { changeMemberRole, forgetVerifiedTokens, removeMember, type UserPrincipal } from "@stagedoor/core";
import { db, orgWithCatalog, restClient } from "../../testing/rest";

// Finding 2 of the security review: an API token acts with at most its creator's
// *current* permissions, checked on every use, so demoting or removing the creator
// takes effect at once.
const doc = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

const rest = restClient();
const push = (token: string, name: string) =>
  rest.call("/import?source=ci", { method: "POST", body: doc(name), headers: { authorization: `Bearer ${token}` } });

async function orgWithOwnerAndTokenAdmin() {
  const org = await orgWithCatalog(doc("existing"));
  const owner = await makeUser(db);
  await makeMember(db, org.org.id, owner.id, "OWNER");
  const ownerPrincipal: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
  const creatorMembership = await db.admin.membership.findFirstOrThrow({
    where: { orgId: org.org.id, userId: org.actor.userId },
  });
  return { ...org, owner: ownerPrincipal, creatorMembershipId: creatorMembership.id };
}

const entityNames = async (orgId: string) =>
  (await db.admin.catalogEntity.findMany({ where: { orgId }, select: { name: true }, orderBy: { name: "asc" } })).map(
    (e) => e.name,
  );

describe("API tokens never outlive their creator's role", () => {
  it("a catalog:write token stops importing as soon as its creator is demoted to member, and keeps reading", async () => {
    const o = await orgWithOwnerAndTokenAdmin();
    expect((await push(o.write, "before")).status).toBe(200);
    expect(await entityNames(o.org.id)).toEqual(["before", "existing"]);

    await changeMemberRole(o.tdb, o.owner, { membershipId: o.creatorMembershipId, role: "MEMBER" });
    const refused = await push(o.write, "after");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/creator's current role/);
    expect(await entityNames(o.org.id)).toEqual(["before", "existing"]);
    // Members read the catalog, so the token still may.
    expect((await rest.get("/entities", o.write)).status).toBe(200);

    // Promoted again, the same token imports again.
    await changeMemberRole(o.tdb, o.owner, { membershipId: o.creatorMembershipId, role: "ADMIN" });
    expect((await push(o.write, "after")).status).toBe(200);
  });

  it("a token does nothing once its creator has left the org", async () => {
    const o = await orgWithOwnerAndTokenAdmin();
    expect((await rest.get("/entities", o.read)).status).toBe(200);
    // Removing a member revokes their tokens at once (issue 12): unknown from then on.
    await removeMember(o.tdb, o.owner, o.creatorMembershipId, db, { enqueue: async () => {} });
    expect((await rest.get("/entities", o.read)).status).toBe(401);
    expect((await push(o.write, "after")).status).toBe(401);
    expect(await entityNames(o.org.id)).toEqual(["existing"]);
  });

  it("a token whose creator's membership is gone by another path is refused too", async () => {
    const o = await orgWithOwnerAndTokenAdmin();
    await db.admin.membership.delete({ where: { id: o.creatorMembershipId } });
    forgetVerifiedTokens();
    expect((await rest.get("/entities", o.read)).status).toBe(403);
    expect((await push(o.write, "after")).status).toBe(403);
    expect(await entityNames(o.org.id)).toEqual(["existing"]);
  });

  it("another process's demotion is seen once the short verification memory expires", async () => {
    const o = await orgWithOwnerAndTokenAdmin();
    expect((await push(o.write, "before")).status).toBe(200);
    // Written by another process: this one's memory is not told, only its expiry helps.
    await db.admin.membership.update({ where: { id: o.creatorMembershipId }, data: { role: "MEMBER" } });
    forgetVerifiedTokens();
    expect((await push(o.write, "after")).status).toBe(403);
  });
});
