import { definePlugin } from "../types";

export const costInsights = definePlugin({
  key: "cost-insights",
  name: "Cost Insights",
  description: "Cloud cost per team, service and environment, from your cloud bill.",
  routes: ["/plugins/cost-insights"],
  nav: { label: "Cost Insights", href: "/plugins/cost-insights" },
  lockedView: {
    headline: "See what every service costs, and who owns the spend.",
    bullets: [
      "Daily cost per entity, team and environment from AWS, GCP and Azure exports",
      "Cost trends and anomalies on each entity page",
      "Budgets per team with alerts",
    ],
  },
  available: false,
});
