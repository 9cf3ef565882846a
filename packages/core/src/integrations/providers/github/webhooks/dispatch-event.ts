import type { GitHubSyncEvent, ReceivedDelivery, RepositoryRef } from "@stagedoor/connectors";
import type { PrismaTypes } from "@stagedoor/db";
import { upsertWorkflowRuns } from "../../../../cicd/workflow-runs";
import type { IntegrationDeps } from "../../../deps";
import { enqueueRepository, enqueueTeams } from "../queue";

/** Team and membership events arriving within this window become one teams sync. */
export const TEAMS_WEBHOOK_WINDOW_MS = 30_000;

type Target = { orgId: string; integrationId: string };

/**
 * Turns an accepted delivery into targeted work: one repository re-read or emptied, the
 * teams re-read, or a workflow run stored right away (the payload has everything).
 * Runs inside the transaction that records the delivery.
 */
export async function dispatchWebhookEvent(
  tx: PrismaTypes.TransactionClient,
  deps: IntegrationDeps,
  target: Target,
  delivery: ReceivedDelivery,
  event: GitHubSyncEvent,
): Promise<void> {
  const repositoryJob = (repository: RepositoryRef, action: "sync" | "remove") => {
    // A payload without a numeric id cannot be keyed to a source; the next full sync sees it.
    if (!Number.isSafeInteger(repository.id) || repository.id <= 0) return Promise.resolve();
    return enqueueRepository(deps.queue, {
      ...target,
      repository: { id: repository.id, fullName: repository.fullName },
      action,
      deliveryId: delivery.deliveryId,
    });
  };
  switch (event.kind) {
    case "catalog-push":
      return repositoryJob(event.repository, "sync");
    case "repository":
      return repositoryJob(
        event.repository,
        event.action === "deleted" || event.action === "archived" ? "remove" : "sync",
      );
    case "installation-repositories":
      for (const repository of event.added) await repositoryJob(repository, "sync");
      for (const repository of event.removed) await repositoryJob(repository, "remove");
      return;
    case "team":
    case "membership":
    case "organization-member":
      return enqueueTeams(deps.queue, target, deps.github?.teamsWebhookWindowMs ?? TEAMS_WEBHOOK_WINDOW_MS);
    case "workflow-run":
      await upsertWorkflowRuns(tx, target.orgId, target.integrationId, [event.run]);
      return;
  }
}
