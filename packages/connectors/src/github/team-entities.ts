import type { GitHubMember, GitHubTeam, OrganizationTeams } from "./teams";

const API_VERSION = "backstage.io/v1alpha1";

export type GroupEntity = {
  apiVersion: typeof API_VERSION;
  kind: "Group";
  metadata: { name: string; namespace: string; description?: string; annotations: Record<string, string> };
  spec: { type: "team"; profile: { displayName: string }; parent?: string; children: string[] };
};

export type UserEntity = {
  apiVersion: typeof API_VERSION;
  kind: "User";
  metadata: { name: string; namespace: string; annotations: Record<string, string> };
  spec: { profile: { displayName: string; email?: string; picture?: string }; memberOf: string[] };
};

export type TeamEntitiesOptions = { org: string; namespace?: string };

// Backstage's rule for metadata.name: 1-63 characters, [a-zA-Z0-9] runs joined by single - _ or .
const ENTITY_NAME = /^(?=.{1,63}$)[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

/**
 * Teams become Group entities (spec.parent from the parent team; children are left empty
 * because the catalog derives them from the parents), members become User entities whose
 * memberOf lists their teams. Names Backstage would reject are skipped and reported.
 */
export function teamsToEntities(input: Pick<OrganizationTeams, "teams" | "members">, options: TeamEntitiesOptions) {
  const namespace = options.namespace ?? "default";
  const problems: string[] = [];
  const groupRef = (slug: string) => `group:${namespace}/${slug}`;
  const valid = new Set(input.teams.filter((t) => ENTITY_NAME.test(t.slug)).map((t) => t.slug));
  for (const team of input.teams) {
    if (!valid.has(team.slug))
      problems.push(
        `Team "${team.slug}" was skipped: its slug is not a valid entity name (at most 63 letters, digits and single - _ .).`,
      );
  }

  const groups: GroupEntity[] = input.teams
    .filter((t) => valid.has(t.slug))
    .map((team: GitHubTeam) => ({
      apiVersion: API_VERSION,
      kind: "Group",
      metadata: {
        name: team.slug,
        namespace,
        ...(team.description ? { description: team.description } : {}),
        annotations: { "github.com/team-slug": `${options.org}/${team.slug}` },
      },
      spec: {
        type: "team",
        profile: { displayName: team.name },
        ...(team.parentSlug && valid.has(team.parentSlug) ? { parent: groupRef(team.parentSlug) } : {}),
        children: [],
      },
    }));

  const memberOf = new Map<string, string[]>();
  for (const team of input.teams) {
    if (!valid.has(team.slug)) continue;
    for (const login of team.memberLogins) {
      const key = login.toLowerCase();
      memberOf.set(key, [...(memberOf.get(key) ?? []), groupRef(team.slug)]);
    }
  }

  const users: UserEntity[] = [];
  for (const member of input.members as GitHubMember[]) {
    if (!ENTITY_NAME.test(member.login)) {
      problems.push(`User "${member.login}" was skipped: the login is not a valid entity name.`);
      continue;
    }
    users.push({
      apiVersion: API_VERSION,
      kind: "User",
      metadata: { name: member.login, namespace, annotations: { "github.com/user-login": member.login } },
      spec: {
        profile: {
          displayName: member.name ?? member.login,
          // Only addresses the member made visible come through; private ones are absent.
          ...(member.email ? { email: member.email } : {}),
          ...(member.avatarUrl ? { picture: member.avatarUrl } : {}),
        },
        memberOf: [...new Set(memberOf.get(member.login.toLowerCase()) ?? [])].sort(),
      },
    });
  }
  return { groups, users, problems };
}
