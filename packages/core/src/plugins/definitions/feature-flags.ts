import { definePlugin } from "../types";

export const featureFlags = definePlugin({
  key: "feature-flags",
  name: "Feature Flags",
  description: "Feature flags per service and environment, owned in the catalog.",
  routes: ["/plugins/feature-flags"],
  nav: { label: "Feature Flags", href: "/plugins/feature-flags" },
  lockedView: {
    headline: "Ship behind flags owned by the team that owns the service.",
    bullets: [
      "Flags per service and environment, with owners from the catalog",
      "Gradual rollouts and kill switches",
      "An audit trail of every flip",
    ],
  },
  available: false,
});
