export {
  auditIdentity,
  type Principal,
  type ScimPrincipal,
  type TokenPrincipal,
  type UserPrincipal,
} from "./principal";
export { ROLE_PERMISSIONS, SCIM_PERMISSIONS, SCOPE_PERMISSIONS, PERMISSION_TEXT, type Permission } from "./permissions";
export { authorize, can, refusal, isUser, type OrgContext, type OrgPolicy } from "./authorize";
export { combineOrgContexts } from "./combine";
