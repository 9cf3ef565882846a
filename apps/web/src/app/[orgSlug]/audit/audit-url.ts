/** The audit page's filters as they sit in its URL (?actor=&action=&from=&to=). */
export type AuditUrlFilter = { actor?: string; action?: string; from?: string; to?: string };

export function filterFromSearch(
  search: URLSearchParams | Record<string, string | string[] | undefined>,
): AuditUrlFilter {
  const get = (k: string) => {
    const v = search instanceof URLSearchParams ? search.get(k) : search[k];
    const one = Array.isArray(v) ? v[0] : v;
    return one ? one : undefined;
  };
  return { actor: get("actor"), action: get("action"), from: get("from"), to: get("to") };
}

export function filterQuery(filter: AuditUrlFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

const LABELS: Record<string, string> = {
  "org.created": "Organization created",
  "org.renamed": "Organization renamed",
  "member.invited": "Member invited",
  "member.role_changed": "Member's role changed",
  "member.removed": "Member removed or left",
  "invitation.accepted": "Invitation accepted",
  "invitation.revoked": "Invitation revoked",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "catalog.imported": "Catalog import",
  "catalog.unregistered": "Entity unregistered",
  "catalog.refresh_requested": "Entity refresh requested",
  "catalog.pull_request_opened": "Catalog pull request opened",
  "integration.connected": "Integration connected",
  "integration.updated": "Integration updated",
  "integration.host_changed": "Integration host changed",
  "integration.deleted": "Integration deleted",
  "integration.sync_requested": "Sync started",
  "integration.webhook_secret_revealed": "Webhook secret revealed",
};

/** A short name for an action code in the "What" picker; unknown codes show as they are. */
export const actionLabel = (action: string) => LABELS[action] ?? action;
