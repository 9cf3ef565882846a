import { describe, it, expect } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { getOnboarding, setOnboardingStep } from "./onboarding";

const db = testDatabase();

async function setup(role: "OWNER" | "MEMBER" = "OWNER") {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, role);
  return { tdb: db.forOrg(org.id), actor: { type: "user" as const, userId: user.id, email: user.email, role } };
}

describe("onboarding progress", () => {
  it("starts pending, saves each step, resumes at the first pending one and completes when all are settled", async () => {
    const { tdb, actor } = await setup();
    expect(await getOnboarding(tdb, actor)).toEqual({
      steps: { github: "pending", kubernetes: "pending", cloud: "pending", invite: "pending" },
      nextStep: "github",
      completedAt: null,
    });
    await setOnboardingStep(tdb, actor, "kubernetes", "skipped");
    await setOnboardingStep(tdb, actor, "github", "done");
    expect((await getOnboarding(tdb, actor)).nextStep).toBe("cloud");
    await setOnboardingStep(tdb, actor, "cloud", "skipped");
    const done = await setOnboardingStep(tdb, actor, "invite", "skipped");
    expect(done.nextStep).toBeNull();
    expect(done.completedAt).toBeInstanceOf(Date);
  });

  it("does not let a skip undo a finished step", async () => {
    const { tdb, actor } = await setup();
    await setOnboardingStep(tdb, actor, "github", "done");
    expect((await setOnboardingStep(tdb, actor, "github", "skipped")).steps.github).toBe("done");
  });

  it("is for admins only", async () => {
    const { tdb, actor } = await setup("MEMBER");
    await expect(setOnboardingStep(tdb, actor, "github", "skipped")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("onboarding progress as the org's data shows it", () => {
  it("reads finishing the invite step with nobody invited as skipped, and any invitation as done", async () => {
    const { tdb, actor } = await setup();
    const finished = await setOnboardingStep(tdb, actor, "invite", "done");
    expect(finished.steps.invite).toBe("skipped");
    await db.admin.invitation.create({
      data: {
        orgId: tdb.orgId,
        email: "new@example.test",
        role: "MEMBER",
        tokenHash: `hash-${tdb.orgId}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect((await getOnboarding(tdb, actor)).steps.invite).toBe("done");
  });

  it("counts a second member as invited, and a finished GitHub sync as done however it was connected", async () => {
    const { tdb, actor } = await setup();
    await makeMember(db, tdb.orgId, (await makeUser(db)).id, "MEMBER");
    await db.admin.integration.create({
      data: {
        orgId: tdb.orgId,
        provider: "github",
        name: "GitHub",
        config: {},
        credentialsCiphertext: "",
        lastSyncAt: new Date(),
      },
    });
    expect(await getOnboarding(tdb, actor)).toMatchObject({
      steps: { github: "done", kubernetes: "pending", cloud: "pending", invite: "done" },
      nextStep: "kubernetes",
    });
  });
});
