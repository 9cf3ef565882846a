import type { RestEndpointMethodTypes as T } from "@octokit/rest";
import type { FakePermissions, FakeTeam, FakeUser } from "./fake-state";

// Response bodies typed with GitHub's own OpenAPI types, so a missing or misnamed field is a
// compile error; the recorded responses in @octokit/fixtures are the reference for the rest.
type Data<K extends keyof T, M extends keyof T[K]> = T[K][M] extends { response: { data: infer D } } ? D : never;

export type FullRepository = Data<"repos", "get">;
export type WorkflowRuns = Data<"actions", "listWorkflowRunsForRepo">;
export type WorkflowRun = WorkflowRuns["workflow_runs"][number];
export type Installation = Data<"apps", "getInstallation">;
export type AppInfo = NonNullable<Data<"apps", "getAuthenticated">>;
export type InstallationToken = Data<"apps", "createInstallationAccessToken">;
export type InstallationRepositories = Data<"apps", "listReposAccessibleToInstallation">;
export type PrivateUser = Data<"users", "getAuthenticated">;
export type Organization = Data<"orgs", "get">;
export type TeamListItem = Data<"teams", "list">[number];
export type ContentFile = Extract<Data<"repos", "getContent">, { type: "file" }>;
export type RateLimitOverview = Data<"rateLimit", "get">;

export type Urls = { api: string; web: string };

const STAMP = "2024-01-02T03:04:05Z";

export function account(urls: Urls, login: string, id: number, type: "User" | "Organization" | "Bot" = "User") {
  const api = `${urls.api}/users/${login}`;
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false,
    user_view_type: "public",
  };
}

export function team(urls: Urls, org: string, t: FakeTeam, parent: FakeTeam | undefined): TeamListItem {
  const api = `${urls.api}/organizations/1/team/${t.id}`;
  return {
    id: t.id,
    node_id: t.nodeId,
    url: api,
    html_url: `${urls.web}/orgs/${org}/teams/${t.slug}`,
    name: t.name,
    slug: t.slug,
    description: t.description,
    privacy: t.privacy,
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: "organization",
    parent: parent
      ? {
          id: parent.id,
          node_id: parent.nodeId,
          url: `${urls.api}/organizations/1/team/${parent.id}`,
          members_url: `${urls.api}/organizations/1/team/${parent.id}/members{/member}`,
          name: parent.name,
          description: parent.description,
          permission: "pull",
          privacy: parent.privacy,
          notification_setting: "notifications_enabled",
          html_url: `${urls.web}/orgs/${org}/teams/${parent.slug}`,
          repositories_url: `${urls.api}/organizations/1/team/${parent.id}/repos`,
          slug: parent.slug,
          type: "organization",
        }
      : null,
  };
}

export function privateUser(urls: Urls, user: FakeUser): PrivateUser {
  return {
    ...account(urls, user.login, user.id),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: STAMP,
    updated_at: STAMP,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

export function organization(urls: Urls, login: string, id: number, publicRepos: number): Organization {
  const api = `${urls.api}/orgs/${login}`;
  return {
    login,
    id,
    node_id: `O_kgDO${id}`,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    description: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${urls.web}/${login}`,
    created_at: STAMP,
    updated_at: STAMP,
    archived_at: null,
    type: "Organization",
  };
}

export function appInfo(
  urls: Urls,
  app: { id: number; slug: string; name: string; owner: string },
  ownerId: number,
  permissions: FakePermissions,
): AppInfo {
  return {
    id: app.id,
    slug: app.slug,
    node_id: `A_kwDO${app.id}`,
    client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
    owner: account(urls, app.owner, ownerId, "Organization"),
    name: app.name,
    description: "Stagedoor test app",
    external_url: "https://stagedoor.example",
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: STAMP,
    updated_at: STAMP,
    permissions,
    events: ["push", "repository", "team", "membership", "organization", "workflow_run"],
    installations_count: 1,
  };
}

export function installation(
  urls: Urls,
  inst: {
    id: number;
    appId: number;
    appSlug: string;
    account: string;
    accountId: number;
    permissions: FakePermissions;
    selection: "all" | "selected";
  },
): Installation {
  return {
    id: inst.id,
    account: account(urls, inst.account, inst.accountId, "Organization"),
    repository_selection: inst.selection,
    access_tokens_url: `${urls.api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${inst.account}/settings/installations/${inst.id}`,
    app_id: inst.appId,
    app_slug: inst.appSlug,
    target_id: inst.accountId,
    target_type: "Organization",
    permissions: inst.permissions,
    events: ["push", "repository", "team", "membership", "organization", "workflow_run"],
    created_at: STAMP,
    updated_at: STAMP,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
