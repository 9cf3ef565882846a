/**
 * One audit row in plain words ("ann@x invited bob@x as member"), shared by the audit page
 * and its CSV export so both read the same. Unknown actions fall back to their code, so a
 * new action is never hidden, only less pretty.
 */
export type AuditRowForWords = {
  action: string;
  actorEmail: string | null;
  target: string | null;
  data: unknown;
};

const role = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : "a member");
const str = (v: unknown, fallback = "") => (typeof v === "string" && v ? v : fallback);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeAuditEvent(row: AuditRowForWords): string {
  const who = row.actorEmail ?? "The system";
  const target = row.target ?? "";
  const d = (row.data && typeof row.data === "object" ? row.data : {}) as Record<string, unknown>;
  switch (row.action) {
    case "org.created":
      return `${who} created the organization ${str(d.name, target)}`;
    case "org.renamed":
      return `${who} renamed the organization from ${str(d.from)} to ${str(d.to)}`;
    case "member.invited":
      return `${who} invited ${target} as ${role(d.role)}`;
    case "member.role_changed":
      return `${who} changed ${target}'s role from ${role(d.from)} to ${role(d.to)}`;
    case "member.removed":
      return d.left === true ? `${target} left the organization` : `${who} removed ${target}`;
    case "invitation.accepted":
      return `${target} joined as ${role(d.role)}`;
    case "invitation.revoked":
      return `${who} revoked the invitation for ${target}`;
    case "api_token.created":
      return `${who} created the API token ${target}`;
    case "api_token.revoked":
      return `${who} revoked the API token ${target}`;
    case "catalog.imported": {
      const files = typeof d.files === "number" ? ` (${plural(d.files, "file")})` : "";
      return `${who} imported ${target} into the catalog${files}`;
    }
    case "catalog.unregistered": {
      const n = typeof d.entities === "number" ? ` (${plural(d.entities, "entity", "entities")})` : "";
      return `${who} unregistered ${str(d.ref, target)}${n}`;
    }
    case "catalog.refresh_requested":
      return `${who} asked to refresh ${str(d.ref, target)}`;
    case "catalog.pull_request_opened":
      return `${who} opened a pull request adding ${str(d.path, "a catalog file")} to ${target}`;
    case "integration.connected":
      return `${who} connected the integration ${str(d.name, target)}`;
    case "integration.updated":
      return d.credentialsChanged === true
        ? `${who} updated the integration ${str(d.name, target)} and its credentials`
        : `${who} updated the integration ${str(d.name, target)}`;
    case "integration.host_changed":
      return `${who} moved an integration from ${str(d.from)} to ${str(d.to)}`;
    case "integration.deleted":
      return `${who} deleted the integration ${str(d.name, target)}`;
    case "integration.sync_requested":
      return d.trigger === "onboarding" ? `${who} started the first sync from onboarding` : `${who} started a sync`;
    case "integration.webhook_secret_revealed":
      return `${who} revealed an integration's webhook secret`;
    default:
      return `${who}: ${row.action}${target ? ` ${target}` : ""}`;
  }
}
