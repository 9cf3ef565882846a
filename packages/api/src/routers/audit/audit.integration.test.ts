import { describe, it, expect } from "vitest";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, signedInUser } from "../../testing/caller";

describe("audit router", () => {
  it("pages newest first without gaps or repeats", async () => {
    const owner = await signedInUser();
    const slug = uniqueSlug();
    await callerFor(owner).org.create({ name: "Name 0", slug });
    for (let i = 1; i <= 6; i++) await callerFor(owner, slug).org.updateName({ name: `Name ${i}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await callerFor(owner, slug).audit.list({ limit: 3, cursor });
      seen.push(...page.items.map((i) => (i.data as { to?: string }).to ?? i.action));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["Name 6", "Name 5", "Name 4", "Name 3", "Name 2", "Name 1", "org.created"]);
  });

  it("does not page into another org with a foreign cursor", async () => {
    const a = await signedInUser();
    const b = await signedInUser();
    const slugA = uniqueSlug();
    const slugB = uniqueSlug();
    await callerFor(a).org.create({ name: "A", slug: slugA });
    await callerFor(b).org.create({ name: "B", slug: slugB });
    const bEntry = (await callerFor(b, slugB).audit.list({})).items[0]!;
    expect(bEntry.target).toBe(slugB);
    // A's own log is not empty, so an empty page below is the foreign cursor's doing.
    expect((await callerFor(a, slugA).audit.list({})).items.map((i) => i.target)).toEqual([slugA]);
    const page = await callerFor(a, slugA).audit.list({ cursor: bEntry.id });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("filters by actor, action and date, says each event in words, and lists only this org's actors", async () => {
    const owner = await signedInUser();
    const other = await signedInUser();
    const slug = uniqueSlug();
    const otherSlug = uniqueSlug();
    await callerFor(owner).org.create({ name: "Acme", slug });
    await callerFor(other).org.create({ name: "Other", slug: otherSlug });
    await callerFor(owner, slug).members.invite({ email: "bob@example.test", role: "MEMBER" });
    await callerFor(owner, slug).org.updateName({ name: "Acme Inc" });
    const asOwner = callerFor(owner, slug);

    const invited = await asOwner.audit.list({ action: "member.invited" });
    expect(invited.items.map((i) => i.summary)).toEqual([`${owner.email} invited bob@example.test as member`]);

    const byOwner = await asOwner.audit.list({ actor: owner.email.toUpperCase() });
    expect(byOwner.items.map((i) => i.action)).toEqual(["org.renamed", "member.invited", "org.created"]);
    expect((await asOwner.audit.list({ actor: other.email })).items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await asOwner.audit.list({ from: today, to: today })).items).toHaveLength(3);
    expect((await asOwner.audit.list({ to: "2000-01-01" })).items).toEqual([]);
    await expect(asOwner.audit.list({ from: "yesterday-ish" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const options = await asOwner.audit.filters();
    expect(options.actors).toEqual([owner.email]);
    expect(options.actions).toEqual(["member.invited", "org.created", "org.renamed"]);
  });
});
