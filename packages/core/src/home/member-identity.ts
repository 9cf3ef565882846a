import { RELATION_MEMBER_OF } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { authorize, type UserPrincipal } from "../authz";

/** The signed-in member as the catalog knows them, and the refs whose entities are "mine". */
export type MemberIdentity = {
  /** Their catalog User (user:default/jane), or null when no User matches. */
  userRef: string | null;
  displayName: string | null;
  /** The User and the groups it is a member of: an entity owned by any of these is mine. */
  owners: string[];
};

/**
 * Matches a member to a catalog User as Backstage's sign-in resolvers do: the User whose
 * spec.profile.email is the member's email, else the one whose github.com/user-login
 * annotation (or name) is their GitHub login. Computed per request from two expression
 * indexes (see the portal_home migration) rather than stored, so it follows every sync.
 */
/** The signed-in member's catalog User and the owner refs that make an entity theirs. */
export async function memberIdentity(db: TenantDb, by: UserPrincipal): Promise<MemberIdentity> {
  authorize(by, "catalog.read");
  return memberIdentityOf(db, by.userId);
}

/** The same for a user id, for services that have authorized already. */
export async function memberIdentityOf(db: TenantDb, userId: string): Promise<MemberIdentity> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, githubLogin: true } });
  if (!user) return { userRef: null, displayName: null, owners: [] };
  const email = user.email.toLowerCase();
  const login = user.githubLogin?.toLowerCase() ?? null;
  return db.sql(async (q) => {
    const [match] = await q<{ ref: string; displayName: string | null }>(Prisma.sql`
      SELECT ref, COALESCE(entity #>> '{spec,profile,displayName}', title, name) AS "displayName" FROM (
        SELECT e.ref, e.entity, e.title, e.name, 0 AS rank FROM catalog_entities e
        WHERE e."orgId" = ${db.orgId} AND e.kind = 'user' AND lower(e.entity #>> '{spec,profile,email}') = ${email}
        UNION ALL
        SELECT e.ref, e.entity, e.title, e.name, 1 FROM catalog_entities e
        WHERE ${login}::text IS NOT NULL AND e."orgId" = ${db.orgId} AND e.kind = 'user'
          AND lower(e.entity #>> '{metadata,annotations,github.com/user-login}') = ${login}
        UNION ALL
        SELECT e.ref, e.entity, e.title, e.name, 2 FROM catalog_entities e
        WHERE ${login}::text IS NOT NULL AND e."orgId" = ${db.orgId} AND e.kind = 'user' AND e.name = ${login}
      ) m ORDER BY rank, ref LIMIT 1`);
    if (!match) return { userRef: null, displayName: null, owners: [] };
    const groups = await q<{ ref: string }>(Prisma.sql`
      SELECT DISTINCT "targetRef" AS ref FROM "CatalogRelation"
      WHERE "orgId" = ${db.orgId} AND "sourceRef" = ${match.ref} AND type = ${RELATION_MEMBER_OF}
      ORDER BY 1`);
    return { userRef: match.ref, displayName: match.displayName, owners: [match.ref, ...groups.map((g) => g.ref)] };
  });
}
