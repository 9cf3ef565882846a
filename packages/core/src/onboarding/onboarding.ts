import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal, type UserPrincipal } from "../authz";

import { observeSetup, reconcileSteps } from "./observed-steps";
import { ONBOARDING_STEPS, type Onboarding, type OnboardingStep, type StepStatus } from "./steps";

export { ONBOARDING_STEPS, type Onboarding, type OnboardingStep, type StepStatus };

function read(stored: unknown): Record<OnboardingStep, StepStatus> {
  const raw = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const steps = {} as Record<OnboardingStep, StepStatus>;
  for (const step of ONBOARDING_STEPS) {
    const value = raw[step];
    steps[step] = value === "done" || value === "skipped" ? value : "pending";
  }
  return steps;
}

function view(steps: Record<OnboardingStep, StepStatus>, completedAt: Date | null): Onboarding {
  return { steps, nextStep: ONBOARDING_STEPS.find((s) => steps[s] === "pending") ?? null, completedAt };
}

export async function getOnboarding(db: TenantDb, by: Principal): Promise<Onboarding> {
  authorize(by, "org.read");
  const org = await db.organization.findUnique({
    where: { id: db.orgId },
    select: { onboardingSteps: true, onboardingCompletedAt: true },
  });
  if (!org) throw new AppError("NOT_FOUND", "Organization not found.");
  return reconcileSteps(view(read(org.onboardingSteps), org.onboardingCompletedAt), await observeSetup(db));
}

/**
 * Saves one step's outcome. A step marked done stays done (skipping it later does not
 * undo real work); setup completes when no step is pending.
 */
export async function setOnboardingStep(
  db: TenantDb,
  actor: UserPrincipal,
  step: OnboardingStep,
  status: "done" | "skipped",
) {
  authorize(actor, "org.update");
  const recorded = await db.transaction((tx) => applyOnboardingStep(tx, db.orgId, step, status));
  return reconcileSteps(recorded, await observeSetup(db));
}

/**
 * The same, for work the system finished on the org's behalf (a first successful GitHub
 * sync), inside the caller's transaction.
 */
export async function applyOnboardingStep(
  tx: PrismaTypes.TransactionClient,
  orgId: string,
  step: OnboardingStep,
  status: "done" | "skipped",
): Promise<Onboarding> {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { onboardingSteps: true, onboardingCompletedAt: true },
  });
  const steps = read(org.onboardingSteps);
  if (steps[step] !== "done") steps[step] = status;
  const settled = ONBOARDING_STEPS.every((s) => steps[s] !== "pending");
  const completedAt = settled ? (org.onboardingCompletedAt ?? new Date()) : null;
  await tx.organization.update({
    where: { id: orgId },
    data: { onboardingSteps: steps, onboardingCompletedAt: completedAt },
  });
  return view(steps, completedAt);
}
