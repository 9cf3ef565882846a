import { describe, it, expect } from "vitest";
import { uniqueSlug } from "@stagedoor/db/testing";
import { hashInvitationToken } from "@stagedoor/core";
import { callerFor, db, signedInUser } from "../../testing/caller";

async function invite(email: string) {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  await callerFor(owner).org.create({ name: "Team", slug });
  const { token, invitation } = await callerFor(owner, slug).members.invite({ email, role: "ADMIN" });
  return { owner, slug, token, invitation };
}

describe("invitations router", () => {
  it("previews and accepts once; a used token is refused", async () => {
    const bob = await signedInUser();
    const { slug, token } = await invite(bob.email.toUpperCase());
    expect(await callerFor(bob).invitations.preview({ token })).toMatchObject({
      state: "pending",
      role: "ADMIN",
      org: { slug },
    });
    expect(await callerFor(bob).invitations.accept({ token })).toMatchObject({ slug });
    expect((await callerFor(bob, slug).org.get()).role).toBe("ADMIN");
    await expect(callerFor(bob).invitations.accept({ token })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/already been used/),
    });
    expect((await callerFor(bob).invitations.preview({ token })).state).toBe("accepted");
  });

  it("refuses expired tokens", async () => {
    const bob = await signedInUser();
    const { token } = await invite(bob.email);
    await db.admin.invitation.update({
      where: { tokenHash: hashInvitationToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(callerFor(bob).invitations.accept({ token })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/expired/),
    });
  });

  it("refuses revoked and superseded tokens", async () => {
    const bob = await signedInUser();
    const { owner, slug, token, invitation } = await invite(bob.email);
    await callerFor(owner, slug).members.revokeInvitation({ invitationId: invitation.id });
    await expect(callerFor(bob).invitations.accept({ token })).rejects.toMatchObject({
      message: expect.stringMatching(/withdrawn/),
    });
    const first = await callerFor(owner, slug).members.invite({ email: bob.email, role: "MEMBER" });
    await callerFor(owner, slug).members.invite({ email: bob.email, role: "MEMBER" });
    await expect(callerFor(bob).invitations.accept({ token: first.token })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("refuses a token for another email address and unknown tokens", async () => {
    const bob = await signedInUser();
    const eve = await signedInUser();
    const { token, slug } = await invite(bob.email);
    await expect(callerFor(eve).invitations.accept({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(eve, slug).org.get()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(eve).invitations.accept({ token: "x".repeat(43) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("stores only the token's hash", async () => {
    const bob = await signedInUser();
    const { token, invitation } = await invite(bob.email);
    const row = await db.admin.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });
});
