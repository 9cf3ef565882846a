import { describe, it, expect } from "vitest";
import { makeMember, uniqueSlug } from "@stagedoor/db/testing";
import {
  authorize,
  loadOrgContext,
  pluginPermission,
  PLUGINS,
  PLUGIN_TRIAL_SEATS,
  type UserPrincipal,
} from "@stagedoor/core";
import { callerFor, db, signedInUser, type TestUser } from "../../testing/caller";

async function orgWithMembers(count: number) {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  const org = await callerFor(owner).org.create({ name: "Billing org", slug });
  const members: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const m = await signedInUser();
    await makeMember(db, org.id, m.userId, "MEMBER");
    members.push(m);
  }
  return { owner, slug, orgId: org.id, members };
}

const asPrincipal = (u: TestUser): UserPrincipal => ({
  type: "user",
  userId: u.userId,
  email: u.email,
  role: "MEMBER",
});

describe("plugin licenses", () => {
  it("refuses every registered premium plugin to an unlicensed member, with an upgrade hint and before any data", async () => {
    const { orgId, members } = await orgWithMembers(1);
    const tenant = db.forOrg(orgId);
    const ctx = await loadOrgContext(tenant, asPrincipal(members[0]!));
    for (const plugin of PLUGINS) {
      for (const access of ["read", "write"] as const) {
        expect(() => authorize(asPrincipal(members[0]!), pluginPermission(plugin.key, access), ctx)).toThrow(
          new RegExp(`${plugin.name} is a premium plugin .* Billing page`),
        );
      }
    }
  });

  it("trial once per org, then a seat unlocks the plugin for that member only", async () => {
    const { owner, slug, orgId, members } = await orgWithMembers(2);
    const [alice, bob] = members as [TestUser, TestUser];
    await callerFor(owner, slug).billing.startTrial();
    await expect(callerFor(owner, slug).billing.startTrial()).rejects.toThrow(/already used its plugin trial/);

    await callerFor(owner, slug).billing.assignLicenses({ pluginKey: "scorecards", userIds: [alice.userId] });
    const tenant = db.forOrg(orgId);
    const perm = pluginPermission("scorecards", "read");
    authorize(asPrincipal(alice), perm, await loadOrgContext(tenant, asPrincipal(alice)));
    await expect(
      loadOrgContext(tenant, asPrincipal(bob)).then((c) => authorize(asPrincipal(bob), perm, c)),
    ).rejects.toThrow(/You have no Scorecards license/);

    const nav = await callerFor(alice, slug).billing.pluginNav();
    expect(nav.find((n) => n.key === "scorecards")).toMatchObject({ state: "trial", unlocked: true });
    const bobNav = await callerFor(bob, slug).billing.pluginNav();
    expect(bobNav.find((n) => n.key === "scorecards")).toMatchObject({ state: "trial", unlocked: false });

    const audit = await callerFor(owner, slug).audit.list({});
    expect(audit.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["billing.trial_started", "license.assigned"]),
    );
  });

  it("refuses seat overflow and lets exactly one of two racing admins take the last seat", async () => {
    const { owner, slug, members } = await orgWithMembers(PLUGIN_TRIAL_SEATS + 2);
    await callerFor(owner, slug).billing.startTrial();
    const ids = members.map((m) => m.userId);
    await expect(
      callerFor(owner, slug).billing.assignLicenses({
        pluginKey: "insights",
        userIds: ids.slice(0, PLUGIN_TRIAL_SEATS + 1),
      }),
    ).rejects.toThrow(new RegExp(`${PLUGIN_TRIAL_SEATS} free seats of ${PLUGIN_TRIAL_SEATS}`));

    await callerFor(owner, slug).billing.assignLicenses({
      pluginKey: "insights",
      userIds: ids.slice(0, PLUGIN_TRIAL_SEATS - 1),
    });
    const racers = [ids[PLUGIN_TRIAL_SEATS]!, ids[PLUGIN_TRIAL_SEATS + 1]!];
    const results = await Promise.allSettled(
      racers.map((id) => callerFor(owner, slug).billing.assignLicenses({ pluginKey: "insights", userIds: [id] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([expect.stringMatching(/0 free seats of 5/)]);
    const overview = await callerFor(owner, slug).billing.overview();
    expect(overview.plugins.find((p) => p.key === "insights")).toMatchObject({
      seats: PLUGIN_TRIAL_SEATS,
      used: PLUGIN_TRIAL_SEATS,
    });
  });

  it("refuses a license for another org's member and leaves both orgs unchanged", async () => {
    const a = await orgWithMembers(1);
    const b = await orgWithMembers(1);
    await callerFor(a.owner, a.slug).billing.startTrial();
    await expect(
      callerFor(a.owner, a.slug).billing.assignLicenses({ pluginKey: "scorecards", userIds: [b.members[0]!.userId] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.admin.pluginLicense.count({ where: { orgId: { in: [a.orgId, b.orgId] } } })).toBe(0);
  });

  it("releases seats (bulk) and enforces the free plan's member limit on invite", async () => {
    const { owner, slug, members } = await orgWithMembers(9);
    await callerFor(owner, slug).billing.startTrial();
    const two = members.slice(0, 2).map((m) => m.userId);
    await callerFor(owner, slug).billing.assignLicenses({ pluginKey: "feature-flags", userIds: two });
    expect(await callerFor(owner, slug).billing.releaseLicenses({ pluginKey: "feature-flags", userIds: two })).toEqual({
      released: 2,
    });
    // 10 members now (owner + 9): the free plan is full.
    await expect(
      callerFor(owner, slug).members.invite({ email: "eleventh@example.test", role: "MEMBER" }),
    ).rejects.toThrow(/Free plan allows 10 members/);
  });

  it("enforces the member limit again when an invitation is accepted", async () => {
    const { owner, slug, orgId } = await orgWithMembers(0);
    const invitee = await signedInUser();
    const { token } = await callerFor(owner, slug).members.invite({ email: invitee.email, role: "MEMBER" });
    // The org fills up by other means after the invitation went out.
    for (let i = 0; i < 9; i++) await makeMember(db, orgId, (await signedInUser()).userId, "MEMBER");
    await expect(callerFor(invitee).invitations.accept({ token })).rejects.toThrow(/Free plan allows 10 members/);
    expect(await db.admin.membership.count({ where: { orgId } })).toBe(10);
  });
});
