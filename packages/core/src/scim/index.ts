export {
  createScimToken,
  listScimTokens,
  revokeScimToken,
  authenticateScimToken,
  type ScimTokenSummary,
  type VerifiedScimToken,
} from "./tokens";
export {
  listScimUsers,
  getScimUser,
  createScimUser,
  replaceScimUser,
  patchScimUser,
  deleteScimUser,
  type ScimUserResource,
} from "./users";
export {
  listScimGroups,
  getScimGroup,
  createScimGroup,
  replaceScimGroup,
  patchScimGroup,
  deleteScimGroup,
  type ScimGroupResource,
} from "./groups";
export { serviceProviderConfig, scimSchemas, scimResourceTypes } from "./discovery";
export { SCHEMA as SCIM_SCHEMA, type ScimContext } from "./resources";
export { parseScimFilter, type ScimComparison } from "./filter";
export { applyScimPatch, type ScimPatchOperation } from "./patch";
export { type ScimType } from "./scim-errors";
export { SCIM_SOURCE, syncScimCatalog } from "./catalog-sync";
export {
  refreshScimCatalogJob,
  requestScimCatalogRefresh,
  scimCatalogJobId,
  REFRESH_SCIM_CATALOG_JOB,
  type ScimCatalogQueue,
} from "./catalog-refresh";
