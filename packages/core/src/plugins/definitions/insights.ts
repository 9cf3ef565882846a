import { definePlugin } from "../types";

export const insights = definePlugin({
  key: "insights",
  name: "Insights",
  description: "Portal usage analytics: who uses what, and which pages help.",
  routes: ["/plugins/insights"],
  nav: { label: "Insights", href: "/plugins/insights" },
  lockedView: {
    headline: "Know how your developers use the portal.",
    bullets: [
      "Active users, searches and most viewed entities over time",
      "Adoption per team",
      "Pages and docs nobody finds",
    ],
  },
  available: false,
});
