import { definePlugin } from "../types";

export const costInsights = definePlugin({
  key: "cost-insights",
  name: "Cost Insights",
  description: "Cloud cost per team, system and component, from your cloud bill.",
  routes: ["/plugins/cost-insights"],
  nav: { label: "Cost Insights", href: "/plugins/cost-insights" },
  lockedView: {
    headline: "See what every service costs, and who owns the spend.",
    bullets: [
      "Daily cost per team, system and component from AWS, Google Cloud and Azure FOCUS exports",
      "Change against the previous 30 or 90 days, top movers and growth alerts",
      "The unallocated share of your bill, and each entity's cost on its Cost tab",
    ],
  },
  // Its own pages: apps/web/src/app/[orgSlug]/plugins/cost-insights and the entity Cost tab.
  available: true,
});
