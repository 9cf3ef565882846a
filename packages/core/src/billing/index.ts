export {
  PLANS,
  planByKey,
  parsePriceConfig,
  priceTarget,
  type Plan,
  type PlanCapabilities,
  type PlanKey,
  type PriceConfig,
} from "./plans";
export { computeEntitlements, type Entitlements, type PluginState, type BillingRow } from "./entitlements";
export { licensePolicy, loadOrgContext, authorizeInOrg } from "./license-policy";
export { assignLicenses, releaseLicenses } from "./licenses";
export { getBillingOverview, startPluginTrial, pluginNavigation, type PluginNavEntry } from "./overview";
export { assertMemberCapacity } from "./member-limit";
export {
  assertPlanAllows,
  assertIntegrationCapacity,
  assertIntegrationRoom,
  resolveHistoryFrom,
  historyStart,
  scimPlanGate,
  currentPlan,
  getPlanCapabilities,
  isPlanRefusal,
  planCapabilityView,
  type PlanCapabilityView,
  type PlanFeature,
} from "./plan-capabilities";
export { requireBilling, stripeBilling, type BillingDeps, type StripeBilling } from "./deps";
export {
  requestSeatSync,
  syncTeamSeats,
  seatSyncJobId,
  SYNC_SEATS_JOB,
  type SeatSyncQueue,
  type SeatSyncOutcome,
} from "./seat-sync";
export { createCheckout, createPortal, listInvoices, type CheckoutInput } from "./checkout";
export { handleStripeWebhook, STRIPE_EVENTS, type StripeWebhookOutcome } from "./webhook";
// The host app builds BillingDeps with it (apps reach connectors only through core).
export { createStripeClient } from "@stagedoor/connectors";
