import { describe, it, expect } from "vitest";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, signedInUser, type TestUser } from "../../testing/caller";

async function orgWithOwner() {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  await callerFor(owner).org.create({ name: "Team", slug });
  return { owner, slug };
}

async function join(slug: string, inviter: TestUser, role: "OWNER" | "ADMIN" | "MEMBER" = "MEMBER") {
  const user = await signedInUser();
  const { token } = await callerFor(inviter, slug).members.invite({ email: user.email, role });
  await callerFor(user).invitations.accept({ token });
  const members = await callerFor(inviter, slug).members.list();
  const membership = members.find((m) => m.user.email === user.email)!;
  return { user, membershipId: membership.id };
}

describe("members router", () => {
  it("invite → accept → change role → remove, with audit entries", async () => {
    const { owner, slug } = await orgWithOwner();
    const { user: bob, membershipId } = await join(slug, owner);
    expect((await callerFor(bob, slug).org.get()).role).toBe("MEMBER");

    await callerFor(owner, slug).members.changeRole({ membershipId, role: "ADMIN" });
    expect((await callerFor(bob, slug).org.get()).role).toBe("ADMIN");

    await callerFor(owner, slug).members.remove({ membershipId });
    await expect(callerFor(bob, slug).org.get()).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await callerFor(owner, slug).audit.list({});
    expect(audit.items.map((a) => a.action)).toEqual([
      "member.removed",
      "member.role_changed",
      "invitation.accepted",
      "member.invited",
      "org.created",
    ]);
  });

  it("members cannot invite, change roles or remove others", async () => {
    const { owner, slug } = await orgWithOwner();
    const { user: bob } = await join(slug, owner);
    const { membershipId: carolId } = await join(slug, owner);
    const asBob = callerFor(bob, slug);
    await expect(asBob.members.invite({ email: "x@example.test", role: "MEMBER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(asBob.members.changeRole({ membershipId: carolId, role: "ADMIN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(asBob.members.remove({ membershipId: carolId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await asBob.members.list()).toHaveLength(3);
  });

  it("admins cannot touch owners or invite owners", async () => {
    const { owner, slug } = await orgWithOwner();
    const { user: admin } = await join(slug, owner, "ADMIN");
    const ownerMembership = (await callerFor(owner, slug).members.list()).find((m) => m.user.email === owner.email)!;
    const asAdmin = callerFor(admin, slug);
    await expect(asAdmin.members.invite({ email: "boss@example.test", role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      asAdmin.members.changeRole({ membershipId: ownerMembership.id, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAdmin.members.remove({ membershipId: ownerMembership.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the last owner can be neither demoted nor removed, but a second owner makes it possible", async () => {
    const { owner, slug } = await orgWithOwner();
    const self = (await callerFor(owner, slug).members.list())[0]!;
    await expect(
      callerFor(owner, slug).members.changeRole({ membershipId: self.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(callerFor(owner, slug).members.remove({ membershipId: self.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    const { user: second } = await join(slug, owner, "OWNER");
    await callerFor(second, slug).members.changeRole({ membershipId: self.id, role: "ADMIN" });
    expect((await callerFor(owner, slug).org.get()).role).toBe("ADMIN");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { owner, slug } = await orgWithOwner();
    const { user: second, membershipId: secondId } = await join(slug, owner, "OWNER");
    const firstId = (await callerFor(owner, slug).members.list()).find((m) => m.user.email === owner.email)!.id;
    const results = await Promise.allSettled([
      callerFor(owner, slug).members.changeRole({ membershipId: secondId, role: "MEMBER" }),
      callerFor(second, slug).members.changeRole({ membershipId: firstId, role: "MEMBER" }),
    ]);
    const owners = (await callerFor(owner, slug).members.list()).filter((m) => m.role === "OWNER");
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    // The one whose demotion went through is the one owner left.
    const winner = results[0]!.status === "fulfilled" ? owner : second;
    expect(owners.map((m) => m.user.email)).toEqual([winner.email]);
    // The other was refused: as the last owner, or because it was no longer an owner when checked.
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["PRECONDITION_FAILED", "FORBIDDEN"]).toContain((refused.reason as { code?: unknown }).code);
  });

  it("a member may leave", async () => {
    const { owner, slug } = await orgWithOwner();
    const { user: bob, membershipId } = await join(slug, owner);
    await callerFor(bob, slug).members.remove({ membershipId });
    await expect(callerFor(bob, slug).org.get()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ids from another org answer NOT_FOUND and change nothing", async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    const { membershipId: bMember } = await join(b.slug, b.owner);
    const asA = callerFor(a.owner, a.slug);
    await expect(asA.members.changeRole({ membershipId: bMember, role: "ADMIN" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asA.members.remove({ membershipId: bMember })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bInvite = await callerFor(b.owner, b.slug).members.invite({ email: "pending@example.test", role: "MEMBER" });
    await expect(asA.members.revokeInvitation({ invitationId: bInvite.invitation.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const bMembers = await callerFor(b.owner, b.slug).members.list();
    expect(bMembers.map((m) => m.role).sort()).toEqual(["MEMBER", "OWNER"]);
    expect(await callerFor(b.owner, b.slug).members.invitations()).toHaveLength(1);
  });

  it("validates invitations", async () => {
    const { owner, slug } = await orgWithOwner();
    await expect(
      callerFor(owner, slug).members.invite({ email: "not-an-email", role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner, slug).members.invite({ email: owner.email, role: "MEMBER" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
