import { createHash } from "node:crypto";
import type { RepositoryPlan } from "../repository-plan";
import type { SyncRunError } from "../../../views";
import type { Fingerprint, FingerprintStore } from "../../../sync/fingerprint-store";

export type { Fingerprint, FingerprintStore };

/**
 * Unchanged files are still re-imported once this old, so that whatever else the import
 * decides (a conflict another source has since released, newer validation rules) is picked
 * up within a day.
 */
export const FINGERPRINT_MAX_AGE_MS = 24 * 3600_000;
/** Errors kept per repository in a fingerprint. */
const MAX_ERRORS = 50;

/** Everything the import reads from a plan: file names, contents and problems, archived or not. */
export function planFingerprint(plan: RepositoryPlan): string {
  const hash = createHash("sha256");
  hash.update(plan.archived ? "archived\n" : "live\n");
  for (const file of [...plan.files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`${file.name}\0${file.url}\0${createHash("sha256").update(file.content).digest("hex")}\n`);
    // Why a placeholder was unreadable is stored on its entity, so a new reason is a change.
    if (file.problems?.length) hash.update(`${JSON.stringify(file.problems)}\n`);
  }
  return hash.digest("hex");
}

export function fingerprint(plan: RepositoryPlan, entities: number, errors: SyncRunError[]): Fingerprint {
  return { hash: planFingerprint(plan), at: Date.now(), entities, errors: errors.slice(0, MAX_ERRORS) };
}

export function isFresh(previous: Fingerprint | undefined, plan: RepositoryPlan): previous is Fingerprint {
  return !!previous && Date.now() - previous.at < FINGERPRINT_MAX_AGE_MS && previous.hash === planFingerprint(plan);
}
