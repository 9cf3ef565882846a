export { AppError, isAppError, type AppErrorCode } from "./errors";
export { ROLES } from "./roles";
export * from "./authz";
export * from "./limits";
export { slugProblem, slugify, assertValidSlug, RESERVED_SLUGS } from "./orgs/slug";
export { slugAvailability } from "./orgs/slug-availability";
export { createDevSession, createUserSession } from "./users/dev-session";
export { recordGitHubLogin } from "./users/github-login";
export { createOrg, type CreateOrgInput } from "./orgs/create-org";
export { resolveOrgAccess, listUserOrgs, type OrgAccess } from "./orgs/resolve-org-access";
export { getOrg, renameOrg } from "./orgs/update-org";
export { listMembers, listPendingInvitations } from "./members/list-members";
export { inviteMember, revokeInvitation } from "./members/invite-member";
export { changeMemberRole, removeMember } from "./members/change-member";
export { endMemberAccess, type EndedAccess } from "./members/end-member-access";
export { acceptInvitation, previewInvitation } from "./invitations/accept-invitation";
export { newInvitationToken, hashInvitationToken } from "./invitations/tokens";
export { listAudit, auditFilterOptions, type AuditPage, type AuditItem, type AuditFilter } from "./audit/list-audit";
export { describeAuditEvent } from "./audit/describe-audit";
export { auditCsvRow, AUDIT_CSV_HEADER, listAuditForExport } from "./audit/audit-csv";
export { csvCell } from "./csv";
export { recordAudit, type AuditAction } from "./audit/record-audit";
export {
  getOnboarding,
  setOnboardingStep,
  applyOnboardingStep,
  ONBOARDING_STEPS,
  type Onboarding,
  type OnboardingStep,
  type StepStatus,
} from "./onboarding/onboarding";
export * from "./catalog";
export * from "./api-tokens";
export { parseKeyring, createSecretBox, SecretBoxError, type SecretBox, type Keyring } from "./secrets";
export * from "./integrations";
export * from "./cicd";
export { TRPC_MAX_BODY_BYTES, TRPC_MAX_BATCH_CALLS, IMPORT_YAML_MAX_CHARS } from "./http-limits";
export * from "./jobs";
export * from "./home";
export * from "./scim";
export * from "./billing";
export * from "./plugins";
export * from "./sso";
export * from "./insights";
