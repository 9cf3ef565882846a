import { describe, it, expect } from "vitest";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, signedInUser } from "../../testing/caller";

describe("org router", () => {
  it("creates an org with the caller as owner and records it", async () => {
    const alice = await signedInUser();
    const slug = uniqueSlug("acme");
    const org = await callerFor(alice).org.create({ name: "Acme", slug });
    expect(org.slug).toBe(slug);
    const got = await callerFor(alice, slug).org.get();
    expect(got).toMatchObject({ name: "Acme", role: "OWNER", memberCount: 1 });
    const audit = await callerFor(alice, slug).audit.list({});
    expect(audit.items.map((a) => a.action)).toEqual(["org.created"]);
    expect(await callerFor(alice).org.mine()).toEqual([expect.objectContaining({ slug, role: "OWNER" })]);
  });

  it("refuses bad and taken slugs with field messages", async () => {
    const alice = await signedInUser();
    await expect(callerFor(alice).org.create({ name: "X", slug: "api" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/reserved/),
    });
    await expect(callerFor(alice).org.create({ name: "X", slug: "No Caps" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const slug = uniqueSlug();
    await callerFor(alice).org.create({ name: "First", slug });
    await expect(callerFor(alice).org.create({ name: "Second", slug })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await callerFor(alice).org.checkSlug({ slug })).toEqual({ available: false, problem: "Already taken." });
    expect(await callerFor(alice).org.checkSlug({ slug: uniqueSlug() })).toEqual({ available: true, problem: null });
  });

  it("needs a session", async () => {
    await expect(callerFor(null).org.create({ name: "X", slug: uniqueSlug() })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(null).org.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("renames for admins only, and audits the change", async () => {
    const owner = await signedInUser();
    const slug = uniqueSlug();
    await callerFor(owner).org.create({ name: "Old", slug });
    const renamed = await callerFor(owner, slug).org.updateName({ name: "  New name " });
    expect(renamed.name).toBe("New name");
    const audit = await callerFor(owner, slug).audit.list({});
    expect(audit.items[0]).toMatchObject({ action: "org.renamed", data: { from: "Old", to: "New name" } });
  });

  it("answers NOT_FOUND for an org the user is not a member of, and for one that does not exist", async () => {
    const alice = await signedInUser();
    const mallory = await signedInUser();
    const slug = uniqueSlug();
    await callerFor(alice).org.create({ name: "Private", slug });
    for (const call of [
      () => callerFor(mallory, slug).org.get(),
      () => callerFor(mallory, slug).members.list(),
      () => callerFor(mallory, slug).org.updateName({ name: "pwned" }),
      () => callerFor(mallory, slug).audit.list({}),
      () => callerFor(mallory, uniqueSlug()).org.get(),
      () => callerFor(mallory, null).org.get(),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await callerFor(alice, slug).org.get()).name).toBe("Private");
  });
});
