import type { GitHubClient } from "./client";
import type { TeamAccess } from "./codeowners";
import { asGraphqlError } from "./errors";

export type GitHubMember = { login: string; name: string | null; email: string | null; avatarUrl: string | null };

export type GitHubTeam = {
  slug: string;
  name: string;
  description: string | null;
  parentSlug: string | null;
  /** Direct members only; members of child teams belong to the child group. */
  memberLogins: string[];
};

export type OrganizationTeams = {
  teams: GitHubTeam[];
  /** Every member seen, once, by login. */
  members: GitHubMember[];
  /** With includeRepositories: the teams with access to each repository (by nameWithOwner), for "top team" owners. */
  repositoryTeams: Map<string, TeamAccess[]>;
};

export type FetchTeamsOptions = {
  org: string;
  includeRepositories?: boolean;
  /** Also list organisation members who are in no team. */
  includeAllMembers?: boolean;
};

export class TeamsError extends Error {
  override readonly name = "TeamsError";
  constructor(
    readonly code: "org-not-found" | "forbidden" | "graphql-error",
    message: string,
  ) {
    super(message);
  }
}

const MEMBER_FIELDS = "fragment StagedoorMember on User { login name email avatarUrl }";
const PAGE = "pageInfo { hasNextPage endCursor }";

const TEAMS_QUERY = `query StagedoorOrganizationTeams($org: String!, $after: String, $withRepositories: Boolean!) {
  rateLimit { cost remaining resetAt }
  organization(login: $org) {
    teams(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
      ${PAGE}
      nodes {
        slug name description
        parentTeam { slug }
        members(first: 100, membership: IMMEDIATE) { ${PAGE} nodes { ...StagedoorMember } }
        repositories(first: 100) @include(if: $withRepositories) { ${PAGE} edges { permission node { nameWithOwner } } }
      }
    }
  }
}
${MEMBER_FIELDS}`;

const TEAM_MEMBERS_QUERY = `query StagedoorTeamMembers($org: String!, $slug: String!, $after: String) {
  organization(login: $org) {
    team(slug: $slug) { members(first: 100, after: $after, membership: IMMEDIATE) { ${PAGE} nodes { ...StagedoorMember } } }
  }
}
${MEMBER_FIELDS}`;

const TEAM_REPOSITORIES_QUERY = `query StagedoorTeamRepositories($org: String!, $slug: String!, $after: String) {
  organization(login: $org) {
    team(slug: $slug) { repositories(first: 100, after: $after) { ${PAGE} edges { permission node { nameWithOwner } } } }
  }
}`;

const ORG_MEMBERS_QUERY = `query StagedoorOrganizationMembers($org: String!, $after: String) {
  organization(login: $org) { membersWithRole(first: 100, after: $after) { ${PAGE} nodes { ...StagedoorMember } } }
}
${MEMBER_FIELDS}`;

type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type RawMember = { login: string; name: string | null; email: string | null; avatarUrl: string | null };
type RawRepoEdges = {
  pageInfo: PageInfo;
  edges: Array<{ permission: TeamAccess["permission"]; node: { nameWithOwner: string } }>;
};
type RawTeam = {
  slug: string;
  name: string;
  description: string | null;
  parentTeam: { slug: string } | null;
  members: { pageInfo: PageInfo; nodes: RawMember[] };
  repositories?: RawRepoEdges;
};

/**
 * Teams with their direct members (and optionally their repositories) in one GraphQL request
 * per 100 teams; only teams with more than 100 members or repositories need follow-up pages.
 */
export async function fetchOrganizationTeams(
  client: GitHubClient,
  options: FetchTeamsOptions,
): Promise<OrganizationTeams> {
  const { org } = options;
  const members = new Map<string, GitHubMember>();
  const teams: GitHubTeam[] = [];
  const repositoryTeams = new Map<string, TeamAccess[]>();
  const addMember = (m: RawMember) => {
    members.set(m.login.toLowerCase(), {
      login: m.login,
      name: m.name || null,
      email: m.email || null,
      avatarUrl: m.avatarUrl || null,
    });
    return m.login;
  };
  const addRepositories = (slug: string, edges: RawRepoEdges["edges"]) => {
    for (const edge of edges) {
      const list = repositoryTeams.get(edge.node.nameWithOwner) ?? [];
      list.push({ slug, permission: edge.permission });
      repositoryTeams.set(edge.node.nameWithOwner, list);
    }
  };

  let after: string | null = null;
  for (;;) {
    const data: { organization: { teams: { pageInfo: PageInfo; nodes: RawTeam[] } } | null } = await query(
      client,
      org,
      TEAMS_QUERY,
      {
        org,
        after,
        withRepositories: options.includeRepositories ?? false,
      },
    );
    const connection = data.organization?.teams;
    if (!connection)
      throw new TeamsError(
        "org-not-found",
        `Organisation "${org}" was not found or is not visible to this connection.`,
      );
    for (const raw of connection.nodes) {
      const logins = raw.members.nodes.map(addMember);
      let cursor = raw.members.pageInfo;
      while (cursor.hasNextPage) {
        const more: { organization: { team: { members: { pageInfo: PageInfo; nodes: RawMember[] } } | null } | null } =
          await query(client, org, TEAM_MEMBERS_QUERY, { org, slug: raw.slug, after: cursor.endCursor });
        const page = more.organization?.team?.members;
        if (!page) break;
        logins.push(...page.nodes.map(addMember));
        cursor = page.pageInfo;
      }
      if (raw.repositories) {
        addRepositories(raw.slug, raw.repositories.edges);
        let repoCursor = raw.repositories.pageInfo;
        while (repoCursor.hasNextPage) {
          const more: { organization: { team: { repositories: RawRepoEdges } | null } | null } = await query(
            client,
            org,
            TEAM_REPOSITORIES_QUERY,
            {
              org,
              slug: raw.slug,
              after: repoCursor.endCursor,
            },
          );
          const page = more.organization?.team?.repositories;
          if (!page) break;
          addRepositories(raw.slug, page.edges);
          repoCursor = page.pageInfo;
        }
      }
      teams.push({
        slug: raw.slug,
        name: raw.name,
        description: raw.description || null,
        parentSlug: raw.parentTeam?.slug ?? null,
        memberLogins: logins,
      });
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }

  if (options.includeAllMembers) {
    let cursor: string | null = null;
    for (;;) {
      const data: { organization: { membersWithRole: { pageInfo: PageInfo; nodes: RawMember[] } } | null } =
        await query(client, org, ORG_MEMBERS_QUERY, {
          org,
          after: cursor,
        });
      const page = data.organization?.membersWithRole;
      if (!page) break;
      page.nodes.forEach(addMember);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      cursor = page.pageInfo.endCursor;
    }
  }
  return { teams, members: [...members.values()], repositoryTeams };
}

async function query<T>(
  client: GitHubClient,
  org: string,
  text: string,
  variables: Record<string, unknown>,
): Promise<T> {
  try {
    return await client.octokit.graphql<T>(text, variables);
  } catch (error) {
    const gql = asGraphqlError(error);
    if (!gql) throw error;
    if (gql.errors.some((e) => e.type === "FORBIDDEN")) {
      throw new TeamsError(
        "forbidden",
        `Reading the teams of "${org}" needs the members:read organization permission.`,
      );
    }
    if (gql.errors.some((e) => e.type === "NOT_FOUND" && e.path?.[0] === "organization")) {
      throw new TeamsError(
        "org-not-found",
        `Organisation "${org}" was not found or is not visible to this connection.`,
      );
    }
    throw new TeamsError("graphql-error", `GitHub GraphQL error: ${gql.errors.map((e) => e.message).join("; ")}`);
  }
}
