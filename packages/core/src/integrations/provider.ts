import type { z } from "zod";
import type { Database, TenantDb } from "@stagedoor/db";
import type { CatalogSourceType } from "../catalog/ingestion-types";
import type { AnyJobDefinition } from "../jobs/define-job";
import type { UserPrincipal } from "../authz";
import type { IntegrationDeps } from "./deps";
import type { IntegrationConfigView } from "./views";
import type { FingerprintStore } from "./sync/fingerprint-store";
import type { RunCheckpoint, StepOutcome, SyncStepJob } from "./sync/step";

/**
 * One kind of integration (GitHub today; Kubernetes clusters and FOCUS cost exports next).
 * Everything provider-specific lives in `providers/<kind>/` behind this type; Integration
 * and SyncRun rows, schedules, the per-org fairness lease, the credentials box, the
 * outbound URL guard and the queue are shared and know no provider. Adding a provider is a
 * new folder and one line in `providers/index.ts` (see docs/integrations.md).
 */
export type IntegrationProvider<Config = unknown, Credentials = unknown, Runtime = unknown> = {
  /** Integration.provider, the job-name domain (`<kind>.syncStep`) and the webhook path segment. */
  kind: string;
  label: string;
  /** What Integration.config holds (settings and non-secret hints). */
  configSchema: z.ZodType<Config>;
  /** What the sealed credentials hold; a stored value that does not parse fails to open. */
  credentialsSchema: z.ZodType<Credentials>;
  /** Reads a stored config leniently (rows written by older code may lack newer fields). */
  readConfig(raw: unknown): Config;
  /** How often its scheduler starts a sync (Kubernetes: minutes; a daily cost export: 1440). */
  syncIntervalMinutes(config: Config): number;
  /** What the integrations page shows of a row (settings and hints, never a secret). */
  view(rawConfig: unknown, integrationId: string): { config: IntegrationConfigView; webhookSecretHint: string | null };
  /** CatalogSource.type of the entities it imports, so deleting the integration orphans them. */
  catalogSourceType?: CatalogSourceType;
  /** "Test connection" with what a form holds; problems are a result, not an error. */
  testConnection(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, input: never): Promise<unknown>;
  /** What a first sync would import, without writing anything. */
  dryRun?(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, input: never): Promise<unknown>;
  sync: {
    /** The checkpoint of a new run: `step` 0 and the provider's first phase. */
    initialCheckpoint(): RunCheckpoint;
    /** Process-wide caches for its steps (clients, ETags), built once by the worker. */
    createRuntime(deps: IntegrationDeps, services: SyncServices): Runtime;
    /** One bounded step: do at most one page of work, commit it with the next checkpoint. */
    runStep(db: TenantDb, deps: IntegrationDeps, job: SyncStepJob, runtime: Runtime): Promise<StepOutcome>;
    /** Its own jobs besides steps (e.g. a webhook's targeted sync); all take the org lease. */
    jobs?: readonly AnyJobDefinition[];
  };
  /** Deliveries to /api/webhooks/<kind>/<integrationId>, after the route read the raw body. */
  webhook?: {
    receive(db: Database, deps: IntegrationDeps, input: WebhookInput): Promise<WebhookResult>;
  };
  /** What it adds to entity pages: a tab shown when the entity carries its annotation. */
  entityPage?: ReadonlyArray<{ tab: string; label: string; appliesTo(annotations: Record<string, string>): boolean }>;
};

/** Stores the worker lends every provider's runtime (Redis-backed there, in memory in tests). */
export type SyncServices = { fingerprints?: FingerprintStore };

export type WebhookInput = {
  integrationId: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  rawBody: Uint8Array;
};
export type WebhookOutcome = "accepted" | "ignored" | "duplicate" | "rejected" | "unknown-integration" | "rate-limited";
export type WebhookResult = { status: number; outcome: WebhookOutcome; message: string };

// The registry holds providers of different config types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyIntegrationProvider = IntegrationProvider<any, any, any>;

export function defineProvider<Config, Credentials, Runtime>(
  provider: IntegrationProvider<Config, Credentials, Runtime>,
): IntegrationProvider<Config, Credentials, Runtime> {
  return provider;
}
