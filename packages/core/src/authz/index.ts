export { auditIdentity, type Principal, type TokenPrincipal, type UserPrincipal } from "./principal";
export { ROLE_PERMISSIONS, SCOPE_PERMISSIONS, PERMISSION_TEXT, type Permission } from "./permissions";
export { authorize, can, refusal, isUser, type OrgContext, type OrgPolicy } from "./authorize";
