export { FakeGitHub, startFakeGitHub, type FakeGitHubOptions, type FakeRequestLogEntry } from "./fake-github";
export type { FakeFault, FakeRateLimitSpec, FaultOptions, RateBucket, RateResource } from "./fake-limits";
export type { FakeAppSpec, FakeInstallationSpec, FakeTokenSpec } from "./fake-auth";
export type {
  FakeBranch,
  FakeFile,
  FakePullRequest,
  FakePermissions,
  FakeRepository,
  FakeRepositorySpec,
  FakeTeamSpec,
  FakeUserSpec,
  FakeWorkflowRunSpec,
  RepoPermission,
} from "./fake-state";
export { generateOrg, type GeneratedOrg, type GeneratedOrgOptions } from "./fake-org";
export { createManualClock, type ManualClock } from "./manual-clock";
export { sendWebhook, signWebhookPayload, signedDelivery, type SignedDelivery } from "./sign-webhook";
export { scenarioOrg, SCENARIOS, type ScenarioName, type ScenarioOptions } from "./scenarios";
export { FakeStripe, startFakeStripe, type FakeStripeOptions } from "./fake-stripe";
export { startFakeKubernetes, type FakeClusterOptions, type FakeKubernetes } from "./fake-kubernetes";
