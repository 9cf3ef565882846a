import type { TenantDb } from "@stagedoor/db";
import { importCatalog } from "../catalog/import-catalog";
import type { CatalogFileInput } from "../catalog/ingestion-types";

export const SCIM_SOURCE = { type: "SCIM", key: "scim" } as const;

/**
 * Backstage's entity-name rules (letters, digits, `-_.`, at most 63, alphanumeric at both
 * ends), as Backstage's own Microsoft Graph provider derives names from an email address:
 * `jane.doe@example.com` → `jane.doe_example.com`.
 */
export function entityName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return name || "unnamed";
}

/**
 * Writes the org's provisioned users (active ones) and groups as the catalog's SCIM
 * source: User and Group entities with their memberships, through the one ingestion
 * pipeline, so they show in the catalog beside GitHub's teams. The whole source is
 * re-emitted on every change (idempotent: unchanged entities are not rewritten, and users
 * who left are orphaned like any entity a source stops emitting).
 */
export async function syncScimCatalog(db: TenantDb): Promise<void> {
  const [users, groups] = await Promise.all([
    db.scimUser.findMany({
      where: { active: true },
      select: { id: true, userName: true, displayName: true, emails: true, members: { select: { groupId: true } } },
      orderBy: { id: "asc" },
    }),
    db.scimGroup.findMany({
      select: { id: true, displayName: true, members: { select: { userId: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const userNames = new Map(users.map((u) => [u.id, entityName(u.userName)]));
  const groupNames = new Map(groups.map((g) => [g.id, entityName(g.displayName)]));
  const files: CatalogFileInput[] = [];
  for (const u of users) {
    const emails = u.emails as { value: string; primary?: boolean }[];
    const email = emails.find((e) => e.primary)?.value ?? emails[0]?.value;
    files.push({
      name: `users/${u.id}.yaml`,
      content: JSON.stringify({
        apiVersion: "backstage.io/v1alpha1",
        kind: "User",
        metadata: { name: userNames.get(u.id), annotations: { "stagedoor.dev/scim-id": u.id } },
        spec: {
          profile: { ...(u.displayName ? { displayName: u.displayName } : {}), ...(email ? { email } : {}) },
          memberOf: u.members.map((m) => `group:default/${groupNames.get(m.groupId)}`),
        },
      }),
    });
  }
  for (const g of groups) {
    files.push({
      name: `groups/${g.id}.yaml`,
      content: JSON.stringify({
        apiVersion: "backstage.io/v1alpha1",
        kind: "Group",
        metadata: { name: groupNames.get(g.id), annotations: { "stagedoor.dev/scim-id": g.id } },
        spec: {
          type: "team",
          profile: { displayName: g.displayName },
          children: [],
          members: g.members.flatMap((m) =>
            userNames.has(m.userId) ? [`user:default/${userNames.get(m.userId)}`] : [],
          ),
        },
      }),
    });
  }
  // null principal: the system acting on what the org's identity provider provisioned.
  await importCatalog(db, null, { source: SCIM_SOURCE, files, allowEmpty: true });
}
