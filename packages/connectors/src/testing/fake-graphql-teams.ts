import { hasPermission } from "./fake-auth";
import {
  decodeCursor,
  encodeCursor,
  PAGE_MAX,
  rateLimitField,
  type GraphqlContext,
  type GraphqlError,
} from "./fake-graphql-common";
import type { FakeUser } from "./fake-state";

function organizationOrError(ctx: GraphqlContext, vars: Record<string, unknown>, errors: GraphqlError[]): boolean {
  const org = String(vars.org ?? "");
  if (org.toLowerCase() !== ctx.state.org.toLowerCase()) {
    errors.push({
      type: "NOT_FOUND",
      path: ["organization"],
      message: `Could not resolve to an Organization with the login of '${org}'.`,
    });
    return false;
  }
  if (!hasPermission(ctx.principal, "members")) {
    errors.push({ type: "FORBIDDEN", path: ["organization"], message: "Resource not accessible by integration" });
    return false;
  }
  return true;
}

function userNode(user: FakeUser | undefined, login: string) {
  // GraphQL's User.email is "" when the address is not public.
  return {
    login,
    name: user?.name ?? null,
    email: user?.email ?? "",
    avatarUrl: `https://avatars.githubusercontent.com/u/${user?.id ?? 0}?v=4`,
  };
}

function connection<T>(all: T[], vars: Record<string, unknown>, key: (item: T, index: number) => string) {
  const after = decodeCursor(vars.after);
  const start = after === null ? 0 : all.findIndex((item, i) => key(item, i) === after) + 1;
  const page = all.slice(start, start + PAGE_MAX);
  const lastIndex = start + page.length - 1;
  const last = all[lastIndex];
  return {
    page,
    pageInfo: {
      hasNextPage: start + page.length < all.length,
      endCursor: last === undefined ? null : encodeCursor(key(last, lastIndex)),
    },
  };
}

function teamMembers(ctx: GraphqlContext, slug: string, vars: Record<string, unknown>) {
  const team = ctx.state.teams.get(slug);
  const { page, pageInfo } = connection(team?.members ?? [], vars, (login) => login);
  return { pageInfo, nodes: page.map((login) => userNode(ctx.state.users.get(login.toLowerCase()), login)) };
}

function teamRepositories(ctx: GraphqlContext, slug: string, vars: Record<string, unknown>) {
  const edges = ctx.state
    .sortedRepositories()
    .flatMap((repo) => repo.teams.filter((t) => t.slug === slug).map((t) => ({ repo, permission: t.permission })));
  const { page, pageInfo } = connection(edges, vars, (e) => e.repo.name);
  const graphqlPermission = {
    admin: "ADMIN",
    maintain: "MAINTAIN",
    push: "WRITE",
    triage: "TRIAGE",
    pull: "READ",
  } as const;
  return {
    pageInfo,
    edges: page.map((e) => ({
      permission: graphqlPermission[e.permission],
      node: { nameWithOwner: `${e.repo.owner}/${e.repo.name}` },
    })),
  };
}

export function organizationTeams(ctx: GraphqlContext, vars: Record<string, unknown>, errors: GraphqlError[]) {
  if (!organizationOrError(ctx, vars, errors)) return { organization: null };
  const teams = [...ctx.state.teams.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  const { page, pageInfo } = connection(teams, vars, (t) => t.slug);
  const nodes = page.map((t) => ({
    slug: t.slug,
    name: t.name,
    description: t.description,
    parentTeam: t.parent ? { slug: t.parent } : null,
    members: teamMembers(ctx, t.slug, {}),
    ...(vars.withRepositories ? { repositories: teamRepositories(ctx, t.slug, {}) } : {}),
  }));
  return { rateLimit: rateLimitField(ctx), organization: { teams: { pageInfo, nodes } } };
}

export function teamConnection(
  ctx: GraphqlContext,
  vars: Record<string, unknown>,
  errors: GraphqlError[],
  field: "members" | "repositories",
) {
  if (!organizationOrError(ctx, vars, errors)) return { organization: null };
  const slug = String(vars.slug ?? "");
  if (!ctx.state.teams.has(slug)) return { organization: { team: null } };
  const team =
    field === "repositories"
      ? { repositories: teamRepositories(ctx, slug, vars) }
      : { members: teamMembers(ctx, slug, vars) };
  return { organization: { team } };
}

export function organizationMembers(ctx: GraphqlContext, vars: Record<string, unknown>, errors: GraphqlError[]) {
  if (!organizationOrError(ctx, vars, errors)) return { organization: null };
  const users = [...ctx.state.users.values()].sort((a, b) => a.login.localeCompare(b.login));
  const { page, pageInfo } = connection(users, vars, (u) => u.login);
  return {
    organization: { membersWithRole: { pageInfo, nodes: page.map((u) => userNode(u, u.login)) } },
  };
}
