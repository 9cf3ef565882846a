import type { IntegrationStatus, PrismaTypes, SyncRunStatus, SyncTrigger } from "@stagedoor/db";
import type { GitHubConfigView } from "./providers/github/config-view";
import type { CostConfigView } from "./providers/cost/settings";
import type { KubernetesConfigView } from "./providers/kubernetes/config-view";
import { phaseOf } from "./sync/step";

export type SyncRunError = {
  repository: string | null;
  file: string | null;
  /**
   * Link to the file on GitHub, at the line when known (`.../blob/<branch>/<path>#L<line>`);
   * for problems that belong to no file, the GitHub page of the organisation.
   */
  url: string;
  line: number | null;
  column: number | null;
  message: string;
  /** The message without its position, for screens that show file and line beside it. */
  detail: string;
};

export type { SyncRunStatus };

export type SyncRunView = {
  id: string;
  integrationId: string;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  pausedUntil: Date | null;
  reposScanned: number;
  filesFound: number;
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  entitiesOrphaned: number;
  errors: SyncRunError[];
  apiRequests: number;
  rateLimitRemaining: number | null;
  message: string | null;
  /** Where a running sync is: "teams", "repositories", "cleanup", "workflow-runs" or "done". */
  phase: string;
  /** Repositories GitHub reports for the owner, once the first page is read (for progress bars). */
  repositoriesTotal: number | null;
};

/** Each provider's view of its settings, by kind (never a secret). */
export type ProviderConfigView =
  | { provider: "github"; config: GitHubConfigView }
  | { provider: "focus"; config: CostConfigView }
  | { provider: "kubernetes"; config: KubernetesConfigView };

/** Any provider's settings view. */
export type IntegrationConfigView = ProviderConfigView["config"];

/**
 * An integration as pages show it. Narrowed by `provider`, or by naming the config type
 * (`IntegrationView<KubernetesConfigView>`) where a page lists one provider's rows.
 */
export type IntegrationView<Config extends IntegrationConfigView = IntegrationConfigView> = Extract<
  ProviderConfigView,
  { config: Config }
> & {
  id: string;
  name: string;
  status: IntegrationStatus;
  statusMessage: string | null;
  lastSyncAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The webhook secret's last four characters; the secret itself is only revealed on request. */
  webhookSecretHint: string | null;
  latestRun: SyncRunView | null;
};

/** A sync problem that belongs to no file (teams, discovery), linked to the owner's GitHub page. */
export function generalError(webBaseUrl: string, owner: string, message: string): SyncRunError {
  return {
    repository: null,
    file: null,
    url: `${webBaseUrl}/${owner}`,
    line: null,
    column: null,
    message,
    detail: message,
  };
}

export { webhookUrlPath } from "./webhook-path";

type SyncRunRow = PrismaTypes.SyncRunGetPayload<object>;
type IntegrationRow = PrismaTypes.IntegrationGetPayload<object>;

// Runs recorded before errors carried `detail` show their whole message there.
type StoredSyncRunError = Omit<SyncRunError, "detail"> & { detail?: string };
const withDetail = (e: StoredSyncRunError): SyncRunError => ({ ...e, detail: e.detail ?? e.message });

export function toSyncRunView(row: SyncRunRow): SyncRunView {
  const checkpoint = (row.checkpoint ?? {}) as { totalRepositories?: unknown };
  return {
    id: row.id,
    integrationId: row.integrationId,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    pausedUntil: row.pausedUntil,
    reposScanned: row.reposScanned,
    filesFound: row.filesFound,
    entitiesCreated: row.entitiesCreated,
    entitiesUpdated: row.entitiesUpdated,
    entitiesUnchanged: row.entitiesUnchanged,
    entitiesOrphaned: row.entitiesOrphaned,
    errors: Array.isArray(row.errors) ? (row.errors as StoredSyncRunError[]).map(withDetail) : [],
    apiRequests: row.apiRequests,
    rateLimitRemaining: row.rateLimitRemaining,
    message: row.message,
    phase: phaseOf(row.checkpoint, "queued"),
    repositoriesTotal: typeof checkpoint.totalRepositories === "number" ? checkpoint.totalRepositories : null,
  };
}

/** A GitHub integration's settings view; anything else is a programming error. */
export function githubConfigOf(view: IntegrationView): GitHubConfigView {
  if (view.provider !== "github") throw new Error(`Integration ${view.id} is not a GitHub integration.`);
  return view.config;
}

/** `view` is the provider's view of the row's config and webhook secret hint (see the provider contract). */
export function toIntegrationView(
  row: IntegrationRow,
  latestRun: SyncRunRow | null,
  view: { config: IntegrationConfigView; webhookSecretHint: string | null },
): IntegrationView {
  // The registry pairs each kind with its provider's view, so provider and config agree.
  const byKind = { provider: row.provider, config: view.config } as ProviderConfigView;
  return {
    ...byKind,
    id: row.id,
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    lastSyncAt: row.lastSyncAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    webhookSecretHint: view.webhookSecretHint,
    latestRun: latestRun ? toSyncRunView(latestRun) : null,
  };
}
