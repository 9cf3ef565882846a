import { definePlugin } from "../types";

export const insights = definePlugin({
  key: "insights",
  name: "Insights",
  description: "Portal usage analytics: who uses what, and which pages help.",
  routes: ["/insights"],
  nav: { label: "Insights", href: "/insights" },
  lockedView: {
    headline: "Know how your developers use the portal.",
    bullets: [
      "Active users per day, week and month, new and returning, retention by first week",
      "Adoption per team and per plugin, most viewed and never viewed entities",
      "What people search for and do not find",
    ],
  },
  available: true,
});
