export { ssoFetch, type SsoDeps } from "./deps";
export {
  getSsoSettings,
  saveOidcConnection,
  saveSamlConnection,
  type SamlConnectionInput,
  setSsoEnabled,
  setRequireSso,
  type OidcConnectionInput,
  type SsoConnectionView,
  type SsoSettings,
} from "./connection";
export { parseGroupRoles, roleForGroups, groupsFromClaims, type GroupRoles } from "./group-roles";
export {
  addDomain,
  homeRealmFor,
  listDomains,
  normaliseDomain,
  operatorVerifyDomain,
  removeDomain,
  verifyDomain,
  DOMAIN_CHALLENGE_PREFIX,
  type DomainView,
  type TxtResolver,
} from "./domains";
export {
  checkSsoSignIn,
  loadSsoProvider,
  provisionSsoMember,
  recordSsoTest,
  slugOfSsoProvider,
  ssoProviderId,
  SSO_PROVIDER_PREFIX,
  type SsoProviderConfig,
  type SsoSignInCheck,
} from "./sign-in";
export {
  auditBreakGlass,
  isBreakGlass,
  requireSsoPolicy,
  sessionOrgContext,
  sessionTimeout,
  type OrgSessionRules,
  type SessionFacts,
} from "./session-policy";
export { readSessionFacts, setSessionTimeouts, signOutEverywhere } from "./sessions";
export { describeSsoFailure } from "./failures";
export {
  claimsFromSamlProfile,
  completeSamlSignIn,
  describeSamlFailure,
  MAX_SAML_METADATA_BYTES,
  samlServiceProviderMetadata,
  samlServiceUrls,
  startSamlSignIn,
  type SamlSignInOutcome,
} from "./saml";
