// Browser-safe (exported as @stagedoor/core/onboarding-steps): no imports.
export const ONBOARDING_STEPS = ["github", "kubernetes", "cloud", "invite"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type StepStatus = "pending" | "done" | "skipped";

export type Onboarding = {
  steps: Record<OnboardingStep, StepStatus>;
  /** The first step still pending, where "Resume setup" goes; null when all are settled. */
  nextStep: OnboardingStep | null;
  completedAt: Date | null;
};
