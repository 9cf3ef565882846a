// The REST surface, separate from tRPC: framework-agnostic fetch handlers.
export { createCatalogRestHandler } from "./catalog/handler";
export type { CatalogRestDeps } from "./catalog/auth";
export { MAX_IMPORT_BODY_BYTES } from "./catalog/import-route";
export { createScimRestHandler, SCIM_ROUTES, MAX_SCIM_BODY_BYTES, type ScimRestDeps } from "./scim/handler";
export { createCostUploadHandler, type CostUploadDeps } from "./costs/upload-handler";
export { createInsightsEventsHandler, optedOut, type InsightsEventsDeps } from "./insights/events-handler";
