import type { KubernetesClient } from "./client";
import { inSelector } from "./label-selector";
import { KUBERNETES_ID_LABEL } from "./entity-match";
import { WORKLOAD_RESOURCES, type ResourceName } from "./shapes";
import type { MatchedObjects } from "./entity-state";

/** Items per list page (the API's `limit`); `continue` fetches the rest. */
export const LIST_PAGE_SIZE = 500;

export type ListSpec = { namespace: string | null; labelSelector: string };

/**
 * Lists every workload resource with one label selector (optionally in one namespace),
 * all resources in parallel, each followed through its `continue` pages. Never a cluster's
 * every pod: the selector narrows what the server sends.
 */
export async function listMatched(
  client: KubernetesClient,
  spec: ListSpec,
  pageSize = LIST_PAGE_SIZE,
): Promise<MatchedObjects> {
  const entries = await Promise.all(
    WORKLOAD_RESOURCES.map(
      async ({ resource }) => [resource, await listAll(client, resource, spec, pageSize)] as const,
    ),
  );
  return Object.fromEntries(entries) as MatchedObjects;
}

async function listAll(
  client: KubernetesClient,
  resource: ResourceName,
  spec: ListSpec,
  pageSize: number,
): Promise<unknown[]> {
  const items: unknown[] = [];
  let continueToken: string | null = null;
  do {
    const page = await client.list(resource, {
      namespace: spec.namespace,
      labelSelector: spec.labelSelector,
      limit: pageSize,
      continueToken,
    });
    items.push(...page.items);
    continueToken = page.continueToken;
  } while (continueToken);
  return items;
}

/**
 * One list per resource for many entities matched by kubernetes-id: `id in (a,b,c)`, then
 * each object goes to the entity whose id its label carries.
 */
export async function listByIds(
  client: KubernetesClient,
  ids: readonly string[],
  namespace: string | null,
  pageSize = LIST_PAGE_SIZE,
): Promise<Map<string, MatchedObjects>> {
  const byId = new Map<string, MatchedObjects>(ids.map((id) => [id, {}]));
  if (!ids.length) return byId;
  const all = await listMatched(client, { namespace, labelSelector: inSelector(KUBERNETES_ID_LABEL, ids) }, pageSize);
  for (const [resource, items] of Object.entries(all) as Array<[ResourceName, unknown[]]>) {
    for (const item of items) {
      const id = (item as { metadata?: { labels?: Record<string, string> } }).metadata?.labels?.[KUBERNETES_ID_LABEL];
      const target = id === undefined ? undefined : byId.get(id);
      if (target) (target[resource] ??= []).push(item);
    }
  }
  return byId;
}
