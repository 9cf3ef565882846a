import type { OnboardingStep } from "@stagedoor/core/onboarding-steps";

export const STEP_LABELS: Record<OnboardingStep, { title: string; description: string }> = {
  github: { title: "Connect GitHub", description: "Discover repositories, catalog files, teams and CI runs." },
  kubernetes: { title: "Connect Kubernetes", description: "See each service's workloads and pods." },
  cloud: {
    title: "Connect cloud billing",
    description: "Attribute cloud cost to the teams and services that spend it.",
  },
  invite: { title: "Invite teammates", description: "Give your developers access to the portal." },
};
