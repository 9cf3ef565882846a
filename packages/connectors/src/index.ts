// GitHub: client, connection test, discovery, files, owners, teams, CI runs, webhooks.
export {
  createGitHubClient,
  GitHubConfigurationError,
  type GitHubAppCredentials,
  type GitHubClient,
  type GitHubClientOptions,
  type GitHubConfigurationProblem,
  type GitHubCredentials,
  type GitHubRequestStats,
  type GitHubTokenCredentials,
} from "./github/client";
export { isRateLimitedError, RateLimitedError, type RateLimitKind } from "./github/errors";
export type { RateLimitSnapshot } from "./github/rate-limit";
export {
  GITHUB_API_URL,
  githubBlobUrl,
  parseGitHubUrl,
  resolveGitHubEndpoints,
  type GitHubEndpoints,
  type GitHubFileRef,
  type ParsedGitHubUrl,
} from "./github/urls";
export {
  DEFAULT_REQUIRED_PERMISSIONS,
  testGitHubConnection,
  type ConnectionIdentity,
  type ConnectionReport,
  type ConnectionTestResult,
  type TestConnectionInput,
} from "./github/test-connection";
export type { ConnectionProblem, ConnectionProblemCode } from "./github/connection-problems";
export {
  discoverRepositories,
  discoverRepositoryPages,
  MAX_CATALOG_PATHS,
  DiscoveryError,
  type DiscoverOptions,
  type DiscoveryErrorCode,
  type DiscoveryPage,
} from "./github/discover";
export { CODEOWNERS_PATHS, type DiscoveredFile, type DiscoveredRepository } from "./github/discover-query";
export { fetchFilesBatch, fetchLocationTargets, type BatchFileOptions } from "./github/batch-files";
export {
  createMemoryEtagCache,
  DEFAULT_MAX_FILE_BYTES,
  fetchFileContent,
  fetchLocationTarget,
  type EtagCache,
  type EtagEntry,
  type FetchFileOptions,
  type FileContent,
  type FileErrorReason,
  type FileLocation,
  type FileProblem,
  type FileResult,
} from "./github/fetch-file";
export { compareDiscoveries, type RepositoryChanges, type RepositoryIdentity } from "./github/repository-changes";
export {
  codeownerToEntityRef,
  inferRepositoryOwner,
  ownerFromCodeowners,
  parseCodeowners,
  pickTopTeam,
  type CodeownersProblem,
  type CodeownersRule,
  type InferredOwner,
  type OwnerRefOptions,
  type RepositoryPermission,
  type TeamAccess,
} from "./github/codeowners";
export {
  fetchOrganizationTeams,
  TeamsError,
  type FetchTeamsOptions,
  type GitHubMember,
  type GitHubTeam,
  type OrganizationTeams,
} from "./github/teams";
export { teamsToEntities, type GroupEntity, type TeamEntitiesOptions, type UserEntity } from "./github/team-entities";
export {
  fetchWorkflowRuns,
  normalizeWorkflowRun,
  workflowRunFromWebhook,
  type FetchWorkflowRunsOptions,
  type RawWorkflowRun,
  type WorkflowRun,
  type WorkflowRunsResult,
  type WorkflowRunStatus,
} from "./github/workflow-runs";
export { CI_SUITES_PER_REPOSITORY, type CiRollupState, type CiStatus } from "./github/ci-status";
export {
  parseWebhookHeaders,
  verifyWebhookSignature,
  WebhookHeaderError,
  type HeaderSource,
  type SignatureCheck,
  type SignatureFailure,
  type WebhookHeaderProblem,
  type WebhookHeaders,
} from "./github/webhook-signature";
export {
  classifyWebhook,
  type Classification,
  type ClassifyOptions,
  type GitHubSyncEvent,
  type RepositoryRef,
} from "./github/webhooks";
export { receiveWebhook, type ReceivedDelivery, type ReceiveResult } from "./github/receive-webhook";

// Network safety for customer-supplied URLs.
export {
  checkOutboundUrl,
  type OutboundUrlOptions,
  type OutboundUrlRefusal,
  type OutboundUrlVerdict,
  type ResolvedAddress,
} from "./net/outbound-url";
export { nonPublicRange, type NonPublicRange } from "./net/ip-ranges";
export {
  createGuardedDispatcher,
  createGuardedFetch,
  findNonPublicAddressError,
  NON_PUBLIC_ADDRESS,
  NonPublicAddressError,
  outboundDispatcher,
  withDispatcher,
  type OutboundGuardOptions,
} from "./net/guarded-fetch";

// Shared helpers.
export { systemClock, type Clock } from "./util/clock";
export { createLimiter, mapWithConcurrency, type Limiter } from "./util/concurrency";
export { createStripeClient, type StripeConfig, type Stripe } from "./stripe/client";

// Cloud cost exports (FOCUS files at a URL or in an S3-compatible bucket).
export { createGuardedAgents } from "./net/guarded-agents";
export { byteLimit, CostExportError, downloadExport, type DownloadOptions } from "./cost-export/download-export";
export {
  downloadObject,
  isExportKey,
  listExportObjects,
  openS3,
  s3Problem,
  type S3ExportCredentials,
  type S3ExportLocation,
  type S3ExportObject,
} from "./cost-export/s3-export";

// Kubernetes: client on @kubernetes/client-node over the guarded dispatcher, kubeconfig, problems.
export * from "./kubernetes";

// OpenID Connect issuers (per-org SSO).
export {
  discoverOidcIssuer,
  normaliseIssuer,
  OidcDiscoveryError,
  type DiscoveryOptions,
  type OidcDiscoveryProblemCode,
  type OidcDiscovery,
} from "./oidc/discovery";

// SAML 2.0 IdP metadata (per-org SSO).
export {
  fetchSamlIdpMetadata,
  parseSamlIdpMetadata,
  SamlMetadataError,
  MAX_SAML_METADATA_BYTES,
  type SamlIdpMetadata,
  type SamlMetadataOptions,
  type SamlMetadataProblemCode,
} from "./saml/idp-metadata";
export { readSamlResponseFacts, type SamlResponseFacts } from "./saml/response-facts";
