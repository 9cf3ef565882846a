import type { TenantDb } from "@stagedoor/db";
import { ONBOARDING_STEPS, type Onboarding, type OnboardingStep, type StepStatus } from "./steps";

/** What the org's own data says about two setup steps, whatever the wizard recorded. */
export type ObservedSetup = {
  /** A GitHub integration has finished a sync: the catalog has arrived from GitHub. */
  githubSynced: boolean;
  /** Someone was invited (pending, accepted or not) or a second member exists. */
  teammatesInvited: boolean;
};

export async function observeSetup(db: TenantDb): Promise<ObservedSetup> {
  const [synced, invitations, members] = await Promise.all([
    db.integration.count({ where: { provider: "github", lastSyncAt: { not: null } } }),
    db.invitation.count(),
    db.membership.count(),
  ]);
  return { githubSynced: synced > 0, teammatesInvited: invitations > 0 || members > 1 };
}

/**
 * The checklist as it really is: GitHub is done once a sync has finished, however it was
 * connected (the wizard, the integrations page); inviting teammates is done only when
 * someone was invited, and a "done" recorded without any invitation (finishing the step
 * with nobody invited) reads as skipped.
 */
export function reconcileSteps(recorded: Onboarding, seen: ObservedSetup): Onboarding {
  const steps: Record<OnboardingStep, StepStatus> = { ...recorded.steps };
  if (seen.githubSynced) steps.github = "done";
  if (seen.teammatesInvited) steps.invite = "done";
  else if (steps.invite === "done") steps.invite = "skipped";
  return {
    steps,
    nextStep: ONBOARDING_STEPS.find((s) => steps[s] === "pending") ?? null,
    completedAt: recorded.completedAt,
  };
}
