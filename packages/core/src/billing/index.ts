export { PLANS, planByKey, parsePriceConfig, priceTarget, type Plan, type PlanKey, type PriceConfig } from "./plans";
export { computeEntitlements, type Entitlements, type PluginState, type BillingRow } from "./entitlements";
export { licensePolicy, loadOrgContext, authorizeInOrg } from "./license-policy";
export { assignLicenses, releaseLicenses } from "./licenses";
export { getBillingOverview, startPluginTrial, pluginNavigation, type PluginNavEntry } from "./overview";
export { assertMemberCapacity } from "./member-limit";
