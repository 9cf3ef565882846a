import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { setOrgPlan, testDatabase } from "@stagedoor/db/testing";
import { listAuditForExport } from "../audit/audit-csv";
import { listAudit } from "../audit/list-audit";
import { saveGitHubIntegration } from "../integrations/providers/github/save-github";
import { adminOf, FAKE_TOKEN, startGitHub, testDeps } from "../integrations/testing";
import { createScimToken, listScimTokens } from "../scim/tokens";
import { setRequireSso } from "../sso/connection";
import { getPlanCapabilities } from "./plan-capabilities";
import { testGitHubIntegration } from "../integrations/providers/github/test-github";
import { testClusterIntegration } from "../integrations/providers/kubernetes/test-cluster";
import { saveCostIntegration } from "../integrations/providers/cost/save-cost";

const db = testDatabase();
const deps = testDeps();
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startGitHub({ org: "acme" });
});
afterAll(() => fake.close());

type Tier = "free" | "team" | "enterprise";
async function orgOn(plan: Tier) {
  const admin = await adminOf(db);
  if (plan !== "free") await setOrgPlan(db, admin.org.id, plan);
  return admin;
}
const github = (name: string) => ({
  name,
  baseUrl: fake.url,
  owner: "acme",
  auth: { type: "token" as const, token: FAKE_TOKEN },
});

describe("plan capabilities", () => {
  it("Free connects one integration of a kind and refuses a second, naming the plan and the upgrade", async () => {
    const { tdb, actor } = await orgOn("free");
    await saveGitHubIntegration(tdb, actor, deps, github("First"));
    await expect(saveGitHubIntegration(tdb, actor, deps, github("Second"))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/Free plan allows one integration of each kind.*upgrade to the Team plan/),
    });
    expect(await tdb.integration.count()).toBe(1);
  });

  it("keeps the extra integrations of an org that went back to Free, and still lets it edit them", async () => {
    const { org, tdb, actor } = await orgOn("team");
    const { id } = await saveGitHubIntegration(tdb, actor, deps, github("First"));
    await saveGitHubIntegration(tdb, actor, deps, github("Second"));
    await setOrgPlan(db, org.id, "free");
    expect(await tdb.integration.count()).toBe(2);
    await saveGitHubIntegration(tdb, actor, deps, { ...github("First renamed"), id });
    await expect(saveGitHubIntegration(tdb, actor, deps, github("Third"))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already has 2 GitHub integrations"),
    });
  });

  it("lets exactly one of two admins racing for a Free org's only GitHub slot connect", async () => {
    const { tdb, actor } = await orgOn("free");
    const results = await Promise.allSettled([
      saveGitHubIntegration(tdb, actor, deps, github("Left")),
      saveGitHubIntegration(tdb, actor, deps, github("Right")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await tdb.integration.count()).toBe(1);
  });

  it.each<Tier>(["team", "enterprise"])("%s connects several integrations of one kind", async (plan) => {
    const { tdb, actor } = await orgOn(plan);
    await saveGitHubIntegration(tdb, actor, deps, github("First"));
    await saveGitHubIntegration(tdb, actor, deps, github("Second"));
    expect(await tdb.integration.count()).toBe(2);
  });

  it.each<Tier>(["free", "team"])(
    "%s may not switch Require SSO on, nor create SCIM tokens, nor export the audit log",
    async (plan) => {
      const { org, tdb, actor } = await orgOn(plan);
      const planName = plan === "free" ? "Free" : "Team";
      const refusal = (feature: string) => ({
        code: "FORBIDDEN",
        message: expect.stringContaining(
          `${feature} is part of the Enterprise plan; this organization is on the ${planName} plan`,
        ),
        details: { unlockedBy: "Enterprise" },
      });
      await expect(setRequireSso(tdb, actor, true)).rejects.toMatchObject(refusal("Requiring SSO"));
      await expect(createScimToken(tdb, actor, { name: "Okta" })).rejects.toMatchObject(refusal("SCIM provisioning"));
      await expect(listAuditForExport(tdb, actor, {})).rejects.toMatchObject(refusal("Audit log export"));
      // Reading the log in the app is on every plan; nothing was written by the refusals.
      expect((await listAudit(tdb, actor, {})).items).toEqual([]);
      expect(await listScimTokens(tdb, actor)).toEqual([]);
      expect((await db.admin.organization.findUniqueOrThrow({ where: { id: org.id } })).requireSso).toBe(false);
      expect(await getPlanCapabilities(tdb, actor)).toMatchObject({
        plan: { key: plan },
        locked: {
          requireSso: { unlockedBy: "Enterprise" },
          scim: { unlockedBy: "Enterprise" },
          auditExport: { unlockedBy: "Enterprise" },
        },
      });
    },
  );

  it("Enterprise creates SCIM tokens, exports the audit log and gets past the plan to the SSO connection check", async () => {
    const { tdb, actor } = await orgOn("enterprise");
    // The plan allows it; what refuses now is the missing SSO connection.
    await expect(setRequireSso(tdb, actor, true)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const { token } = await createScimToken(tdb, actor, { name: "Okta" });
    expect(token).toMatch(/^sdscim_/);
    const page = await listAuditForExport(tdb, actor, {});
    expect(page.items.map((i) => i.action)).toEqual(["scim_token.created"]);
    expect(await getPlanCapabilities(tdb, actor)).toMatchObject({
      plan: { key: "enterprise" },
      locked: { requireSso: null, scim: null, auditExport: null },
    });
  });

  it("lets an org that left Enterprise switch Require SSO off (never locks members into a setting)", async () => {
    const { org, tdb, actor } = await orgOn("free");
    await db.admin.organization.update({ where: { id: org.id }, data: { requireSso: true } });
    await setRequireSso(tdb, actor, false);
    expect((await db.admin.organization.findUniqueOrThrow({ where: { id: org.id } })).requireSso).toBe(false);
  });

  it("refuses export to members by role before the plan, and another org's capabilities never show", async () => {
    const { tdb } = await orgOn("enterprise");
    const member = { type: "user" as const, userId: "someone", email: "m@example.test", role: "MEMBER" as const };
    await expect(listAuditForExport(tdb, member, {})).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only admins can read the audit log.",
    });
    const other = await orgOn("free");
    expect((await getPlanCapabilities(other.tdb, other.actor)).plan.key).toBe("free");
  });
});

describe("plan capabilities follow the subscription's payment standing", () => {
  const DAY = 86_400_000;
  const setStanding = (orgId: string, status: string, graceEndsAt: Date | null) =>
    db.admin.orgBilling.update({ where: { orgId }, data: { status, graceEndsAt } });

  it("an unpaid Enterprise keeps everything during grace, then falls back to Free's without undoing anything", async () => {
    const { org, tdb, actor } = await orgOn("enterprise");
    await createScimToken(tdb, actor, { name: "Okta" });
    await db.admin.organization.update({ where: { id: org.id }, data: { requireSso: true } });

    await setStanding(org.id, "past_due", new Date(Date.now() + 3 * DAY));
    await createScimToken(tdb, actor, { name: "During grace" });
    await listAuditForExport(tdb, actor, {});
    expect((await getPlanCapabilities(tdb, actor)).plan).toMatchObject({ key: "enterprise", lapsed: false });

    await setStanding(org.id, "past_due", new Date(Date.now() - DAY));
    const suspended = (feature: string) => ({
      code: "FORBIDDEN",
      message: expect.stringMatching(
        new RegExp(`^${feature} is suspended on this organization's Enterprise plan: a payment is overdue`),
      ),
    });
    await expect(createScimToken(tdb, actor, { name: "After grace" })).rejects.toMatchObject(
      suspended("SCIM provisioning"),
    );
    await expect(listAuditForExport(tdb, actor, {})).rejects.toMatchObject(suspended("Audit log export"));
    await expect(setRequireSso(tdb, actor, true)).rejects.toMatchObject(suspended("Requiring SSO"));
    expect(await getPlanCapabilities(tdb, actor)).toMatchObject({
      plan: { key: "enterprise", lapsed: true },
      capabilities: { scim: false, requireSso: false, auditExport: false, integrationsPerKind: 1 },
    });
    // Nothing already on is switched off or deleted.
    expect((await db.admin.organization.findUniqueOrThrow({ where: { id: org.id } })).requireSso).toBe(true);
    expect((await listScimTokens(tdb, actor)).map((t) => t.name).sort()).toEqual(["During grace", "Okta"]);

    // Paying restores the plan at once.
    await setStanding(org.id, "active", null);
    await createScimToken(tdb, actor, { name: "Paid again" });
  });

  it("a lapsed Team keeps its integrations syncing but may not connect another", async () => {
    const { org, tdb, actor } = await orgOn("team");
    await saveGitHubIntegration(tdb, actor, deps, github("First"));
    await saveGitHubIntegration(tdb, actor, deps, github("Second"));
    await setStanding(org.id, "past_due", new Date(Date.now() - DAY));
    await expect(saveGitHubIntegration(tdb, actor, deps, github("Third"))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("a payment is overdue and its grace period has ended"),
    });
    expect(await tdb.integration.count()).toBe(2);
  });
});

describe("a second integration on Free is refused before its connection is tested", () => {
  it("GitHub, Kubernetes and cost exports: the plan's refusal, not a connection result", async () => {
    const { org, tdb, actor } = await orgOn("free");
    for (const provider of ["github", "kubernetes", "focus"])
      await db.admin.integration.create({
        data: { orgId: org.id, provider, name: provider, config: {}, credentialsCiphertext: "" },
      });
    const refused = {
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("Free plan allows one integration"),
    };
    const githubRequests = fake.requests.length;
    // A test with these inputs would reach the fake GitHub (and answer with a result).
    await expect(
      testGitHubIntegration(tdb, actor, deps, {
        baseUrl: fake.url,
        owner: "acme",
        auth: { type: "token", token: FAKE_TOKEN },
      }),
    ).rejects.toMatchObject(refused);
    expect(fake.requests.length).toBe(githubRequests);
    // Port 9 (discard): a connection test would come back as a failed result, not as this error.
    await expect(
      testClusterIntegration(tdb, actor, deps, {
        auth: { type: "token", server: "https://127.0.0.1:9", token: "t" },
      }),
    ).rejects.toMatchObject(refused);
    await expect(
      saveCostIntegration(tdb, actor, deps, {
        name: "Second bill",
        source: { type: "url", url: "https://no-such-host.invalid/export.csv.gz" },
        credentials: { type: "none" },
      } as never),
    ).rejects.toMatchObject(refused);
    expect(await tdb.integration.count()).toBe(3);
  });
});

describe("history views follow the plan's historyDays, deleting nothing", () => {
  const DAY = 86_400_000;
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

  it("the audit log shows the plan's days by default and refuses an earlier start, naming the plans", async () => {
    const { org, tdb, actor } = await orgOn("free");
    for (const [action, age] of [
      ["org.renamed", 5],
      ["org.created", 45],
      ["member.invited", 200],
    ] as const)
      await db.admin.auditLog.create({ data: { orgId: org.id, action, createdAt: daysAgo(age) } });
    expect((await listAudit(tdb, actor, {})).items.map((i) => i.action)).toEqual(["org.renamed"]);
    await expect(listAudit(tdb, actor, { from: daysAgo(60) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(
        /^The Free plan shows the last 30 days of history \(from \d{4}-\d{2}-\d{2}\).*The Team plan shows 90 days/,
      ),
      details: { unlockedBy: "Team" },
    });
    await setOrgPlan(db, org.id, "team");
    expect((await listAudit(tdb, actor, {})).items.map((i) => i.action)).toEqual(["org.renamed", "org.created"]);
    await expect(listAudit(tdb, actor, { from: daysAgo(300) })).rejects.toMatchObject({
      details: { unlockedBy: "Enterprise" },
    });
    await setOrgPlan(db, org.id, "enterprise");
    expect((await listAudit(tdb, actor, { from: daysAgo(300) })).items).toHaveLength(3);
    expect((await listAuditForExport(tdb, actor, {})).items).toHaveLength(3);
    // Nothing was deleted along the way.
    expect(await db.admin.auditLog.count({ where: { orgId: org.id } })).toBe(3);
    expect((await getPlanCapabilities(tdb, actor)).history).toEqual({ days: 400, longer: [] });
  });
});
