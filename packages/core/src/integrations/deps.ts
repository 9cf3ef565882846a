import type { GitHubClientOptions, KubernetesClientOptions } from "@stagedoor/connectors";
import type { SecretBox } from "../secrets";
import type { SyncQueue } from "./queue/sync-jobs";
import type { RejectionLimiter } from "./webhooks/rejection-limiter";

/**
 * What integration services need from their host process. The app passes them in: the
 * keyring comes from its env module, the private-network switch is an operator setting
 * (never a customer's), and the queue is the process's BullMQ producer.
 */
export type IntegrationDeps = {
  secrets: SecretBox;
  /** OUTBOUND_ALLOW_PRIVATE_NETWORKS: only tests and self-hosted installs turn it on. */
  allowPrivateNetworks: boolean;
  queue: SyncQueue;
  /** Rate limit on refused webhook deliveries (default: one per process). */
  webhookRejections?: RejectionLimiter;
  /** Tuning for tests and the benchmark; production uses the defaults. */
  github?: {
    client?: Omit<GitHubClientOptions, "baseUrl">;
    /** Repositories per discovery page, i.e. per sync step (default and maximum 100). */
    pageSize?: number;
    /** Window in which team and membership webhooks are coalesced into one teams sync. */
    teamsWebhookWindowMs?: number;
  };
  kubernetes?: {
    client?: Omit<KubernetesClientOptions, "outbound">;
    /** Entities per sync step (default 200). */
    entitiesPerStep?: number;
    /** Items per list page (default 500). */
    pageSize?: number;
  };
};
