/**
 * Cost Insights as a premium plugin. The plugin registry and entitlements are being built
 * in parallel (billing); until `packages/core/src/plugins/` exists this file is its
 * metadata, and whichever lands second registers it there and enforces the entitlement in
 * `authorize` (permission `costs.read`).
 */
export const COST_INSIGHTS_PLUGIN = {
  key: "cost-insights",
  name: "Cost Insights",
  premium: true,
  permission: "costs.read",
  nav: { label: "Cost Insights", path: "costs" },
  entityTab: { tab: "cost", label: "Cost" },
} as const;
