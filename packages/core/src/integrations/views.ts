import type { IntegrationStatus, PrismaTypes, SyncRunStatus, SyncTrigger } from "@stagedoor/db";
import { readGitHubConfig } from "./github-settings";
import { readCheckpoint } from "./sync/checkpoint";

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

export type IntegrationView = {
  id: string;
  provider: string;
  name: string;
  status: IntegrationStatus;
  statusMessage: string | null;
  lastSyncAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  config: {
    baseUrl: string | null;
    owner: string;
    authType: "app" | "token";
    appId: string | null;
    installationId: string | null;
    tokenLast4: string | null;
    catalogPaths: string[];
    syncIntervalMinutes: number;
    syncTeams: boolean;
    registerReposWithoutCatalog: boolean;
    /** Where GitHub should send webhooks, relative to the portal's origin. */
    webhookUrlPath: string;
  };
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

export const webhookUrlPath = (integrationId: string) => `/api/webhooks/github/${integrationId}`;

type SyncRunRow = PrismaTypes.SyncRunGetPayload<object>;
type IntegrationRow = PrismaTypes.IntegrationGetPayload<object>;

// Runs recorded before errors carried `detail` show their whole message there.
type StoredSyncRunError = Omit<SyncRunError, "detail"> & { detail?: string };
const withDetail = (e: StoredSyncRunError): SyncRunError => ({ ...e, detail: e.detail ?? e.message });

export function toSyncRunView(row: SyncRunRow): SyncRunView {
  const checkpoint = readCheckpoint(row.checkpoint);
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
    phase: checkpoint.phase,
    repositoriesTotal: checkpoint.totalRepositories,
  };
}

export function toIntegrationView(row: IntegrationRow, latestRun: SyncRunRow | null): IntegrationView {
  const config = readGitHubConfig(row.config);
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    lastSyncAt: row.lastSyncAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    config: {
      baseUrl: config.baseUrl,
      owner: config.owner,
      authType: config.authType,
      appId: config.appId,
      installationId: config.installationId,
      tokenLast4: config.tokenLast4,
      catalogPaths: config.catalogPaths,
      syncIntervalMinutes: config.syncIntervalMinutes,
      syncTeams: config.syncTeams,
      registerReposWithoutCatalog: config.registerReposWithoutCatalog,
      webhookUrlPath: webhookUrlPath(row.id),
    },
    webhookSecretHint: config.webhookSecretLast4,
    latestRun: latestRun ? toSyncRunView(latestRun) : null,
  };
}
