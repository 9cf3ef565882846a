import { definePlugin } from "../types";

export const scorecards = definePlugin({
  key: "scorecards",
  name: "Scorecards",
  description: "Standards for your services (ownership, docs, CI, on-call) measured continuously.",
  routes: ["/plugins/scorecards"],
  nav: { label: "Scorecards", href: "/plugins/scorecards" },
  lockedView: {
    headline: "Measure every service against the standards your org agreed on.",
    bullets: [
      "Checks on ownership, documentation, CI health and lifecycle from catalog data",
      "Levels per service and team, with the next step to reach the next level",
      "Campaigns to raise a standard across the org",
    ],
  },
  available: false,
});
