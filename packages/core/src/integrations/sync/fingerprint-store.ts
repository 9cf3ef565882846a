import type { SyncRunError } from "../views";

/**
 * What an item's last import consumed and produced (a repository, a cluster's namespace, an
 * export file). When the next sync finds the same input, the import is skipped: it would
 * write nothing, but still cost a transaction per item every sync interval, for every org.
 * The entities and errors of the last import are carried into the new run's counts.
 */
export type Fingerprint = { hash: string; at: number; entities: number; errors: SyncRunError[] };

/**
 * Kept outside the database (the worker uses Redis): losing them only means the next sync
 * imports everything again, which is idempotent. Items are keyed by numeric ids.
 */
export type FingerprintStore = {
  get(integrationId: string, itemIds: number[]): Promise<Map<number, Fingerprint>>;
  set(integrationId: string, entries: Array<[number, Fingerprint]>): Promise<void>;
  delete(integrationId: string, itemIds: number[]): Promise<void>;
};
