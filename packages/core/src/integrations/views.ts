import type { IntegrationStatus, PrismaTypes, SyncRunStatus, SyncTrigger } from "@stagedoor/db";
import type { GitHubConfigView } from "./providers/github/config-view";
import type { KubernetesConfigView } from "./providers/kubernetes/config-view";

/** A provider's view of its settings; Kubernetes views say `provider: "kubernetes"`. */
export type IntegrationConfigView = GitHubConfigView | KubernetesConfigView;
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

/** An integration as pages show it; `Config` is the provider's view (GitHub's unless a page asks for another). */
export type IntegrationView<Config extends IntegrationConfigView = GitHubConfigView> = {
  id: string;
  provider: string;
  name: string;
  status: IntegrationStatus;
  statusMessage: string | null;
  lastSyncAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The provider's settings as it shows them; never a secret. */
  config: Config;
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

/** `view` is the provider's view of the row's config and webhook secret hint (see the provider contract). */
export function toIntegrationView(
  row: IntegrationRow,
  latestRun: SyncRunRow | null,
  view: { config: IntegrationConfigView; webhookSecretHint: string | null },
): IntegrationView<IntegrationConfigView> {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    lastSyncAt: row.lastSyncAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    config: view.config,
    webhookSecretHint: view.webhookSecretHint,
    latestRun: latestRun ? toSyncRunView(latestRun) : null,
  };
}
