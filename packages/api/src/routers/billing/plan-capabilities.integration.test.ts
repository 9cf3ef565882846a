import { describe, expect, it } from "vitest";
import { setOrgPlan, uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, db, signedInUser } from "../../testing/caller";

type Tier = "free" | "team" | "enterprise";
async function orgOn(plan: Tier) {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  const org = await callerFor(owner).org.create({ name: `On ${plan}`, slug });
  if (plan !== "free") await setOrgPlan(db, org.id, plan);
  return { api: callerFor(owner, slug), orgId: org.id };
}

describe("plan capabilities through tRPC", () => {
  it.each<Tier>(["free", "team"])(
    "%s: SCIM tokens, Require SSO and audit export are refused with the plan that unlocks them",
    async (plan) => {
      const { api } = await orgOn(plan);
      const enterprise = { code: "FORBIDDEN", message: expect.stringContaining("part of the Enterprise plan") };
      await expect(api.scim.createToken({ name: "Okta" })).rejects.toMatchObject(enterprise);
      await expect(api.sso.setRequired({ requireSso: true })).rejects.toMatchObject(enterprise);
      await expect(api.audit.exportPage({})).rejects.toMatchObject(enterprise);
      // What stays on every plan: reading the audit log, listing (and revoking) SCIM tokens.
      expect((await api.audit.list({})).items.length).toBeGreaterThan(0);
      expect(await api.scim.listTokens()).toEqual([]);
      const view = await api.billing.capabilities();
      expect(view.plan.key).toBe(plan);
      expect(view.locked.scim?.unlockedBy).toBe("Enterprise");
      expect(view.integrationLimit).toEqual(plan === "free" ? { perKind: 1, unlockedBy: "Team" } : null);
    },
  );

  it("enterprise: creates SCIM tokens and exports the audit log; Require SSO waits only for a live connection", async () => {
    const { api } = await orgOn("enterprise");
    expect((await api.scim.createToken({ name: "Okta" })).token).toMatch(/^sdscim_/);
    const page = await api.audit.exportPage({ action: "scim_token.created" });
    expect(page.items.map((i) => i.action)).toEqual(["scim_token.created"]);
    await expect(api.sso.setRequired({ requireSso: true })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await api.billing.capabilities()).locked).toEqual({ requireSso: null, scim: null, auditExport: null });
  });

  it("members see the plan (to show locks) but never export, whatever the plan", async () => {
    const { api, orgId } = await orgOn("enterprise");
    const member = await signedInUser();
    await db.admin.membership.create({ data: { orgId, userId: member.userId, role: "MEMBER" } });
    const slug = (await api.org.get()).slug;
    const asMember = callerFor(member, slug);
    expect((await asMember.billing.capabilities()).plan.key).toBe("enterprise");
    await expect(asMember.audit.exportPage({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
