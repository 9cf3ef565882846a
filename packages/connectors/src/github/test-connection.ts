import { checkOutboundUrl, type OutboundUrlOptions } from "../net/outbound-url";
import { createGitHubClient, type GitHubClient, type GitHubClientOptions, type GitHubCredentials } from "./client";
import {
  describeConnectionError,
  looksLikeGitHub,
  notGitHub,
  problem,
  type ConnectionProblem,
} from "./connection-problems";
import { asRequestError, hasResponse } from "./errors";
import type { RateLimitSnapshot } from "./rate-limit";
import { GITHUB_API_URL } from "./urls";

/** What Stagedoor asks for: repository metadata and files, organisation members (teams), Actions runs. */
export const DEFAULT_REQUIRED_PERMISSIONS = ["metadata:read", "contents:read", "members:read", "actions:read"] as const;

export type ConnectionIdentity =
  | {
      kind: "app";
      appSlug: string;
      appName: string;
      installationId: number;
      account: { login: string; type: string };
      repositorySelection: "all" | "selected";
    }
  | {
      kind: "token";
      login: string;
      /** Classic tokens list OAuth scopes; fine-grained tokens do not. */ scopes: string[] | null;
      expiresAt: string | null;
    };

export type ConnectionReport = {
  ok: true;
  identity: ConnectionIdentity;
  /** Repositories of the owner (or the installation) the credentials can see. */
  repositoryCount: number;
  /** Granted permissions as "name:level", e.g. "contents:read". */
  granted: string[];
  /** Required permissions not granted; the connection works but some features will not. */
  missing: string[];
  warnings: string[];
  rateLimit: RateLimitSnapshot | null;
  requests: number;
};

export type ConnectionTestResult = ConnectionReport | ConnectionProblem;

export type TestConnectionInput = {
  credentials: GitHubCredentials;
  baseUrl?: string;
  /** Organisation (or user) to sync; for tokens, where repositories and permissions are probed. */
  owner?: string;
  requiredPermissions?: readonly string[];
  /** Path probed to check contents access with a token (default catalog-info.yaml). */
  catalogPath?: string;
  outbound?: OutboundUrlOptions;
  client?: Omit<GitHubClientOptions, "baseUrl">;
};

const LEVEL: Record<string, number> = { read: 1, write: 2, admin: 3 };

/**
 * "Test connection": who the credentials are, what they can see and which required permissions
 * are missing, or the one problem that stops the connection, worded for the person fixing it.
 * Costs 4 requests for an app (the installation token included) and up to 6 for a token.
 */
export async function testGitHubConnection(input: TestConnectionInput): Promise<ConnectionTestResult> {
  const baseUrl = input.baseUrl ?? GITHUB_API_URL;
  if (input.baseUrl) {
    const verdict = await checkOutboundUrl(baseUrl, input.outbound);
    if (!verdict.ok) return problem("blocked-url", verdict.reason, { detail: verdict.code });
  }
  let client: GitHubClient;
  try {
    // Fail fast: one retry, no in-process rate-limit waits, a short timeout.
    client = createGitHubClient(input.credentials, {
      maxRetries: 1,
      maxRateLimitWaitMs: 0,
      requestTimeoutMs: 10_000,
      ...(input.outbound ? { outbound: input.outbound } : {}),
      ...input.client,
      baseUrl,
    });
  } catch (error) {
    return describeConnectionError(error, { baseUrl, authType: input.credentials.type });
  }
  const required = input.requiredPermissions ?? DEFAULT_REQUIRED_PERMISSIONS;
  try {
    const found =
      input.credentials.type === "app" ? await inspectApp(client, input) : await inspectToken(client, input);
    if (!found.ok) return found;
    const missing = required.filter((need) => !isGranted(found.granted, need));
    const warnings = [...found.warnings, ...missing.map((m) => consequenceOf(m, input.credentials.type))];
    return { ...found, missing, warnings, rateLimit: client.rateLimit() ?? null, requests: client.stats().requests };
  } catch (error) {
    return describeConnectionError(error, { baseUrl, authType: input.credentials.type });
  }
}

type Found = Omit<ConnectionReport, "missing" | "rateLimit" | "requests"> | ConnectionProblem;

async function inspectApp(client: GitHubClient, input: TestConnectionInput): Promise<Found> {
  const credentials = input.credentials as Extract<GitHubCredentials, { type: "app" }>;
  const app = await client.octokit.request("GET /app");
  if (!looksLikeGitHub(app.headers, app.data) || !app.data) return notGitHub(client.endpoints.apiBaseUrl, app.status);
  const installationId = Number(credentials.installationId);
  let installation;
  try {
    installation = (
      await client.octokit.request("GET /app/installations/{installation_id}", { installation_id: installationId })
    ).data;
  } catch (error) {
    if (asRequestError(error)?.status === 404) {
      return problem(
        "installation-not-found",
        `App "${app.data.slug ?? app.data.name}" has no installation ${installationId}. Install the app on your organization and copy the number at the end of the installation's settings URL.`,
      );
    }
    throw error;
  }
  const account = installation.account as { login?: string; slug?: string; type?: string } | null;
  const login = account?.login ?? account?.slug ?? "";
  if (installation.suspended_at) {
    return problem(
      "installation-suspended",
      `The installation on ${login} was suspended on ${installation.suspended_at}. Unsuspend it in the organization's GitHub App settings.`,
    );
  }
  const repos = await client.octokit.request("GET /installation/repositories", { per_page: 1 });
  const warnings: string[] = [];
  if (input.owner && login.toLowerCase() !== input.owner.toLowerCase()) {
    warnings.push(
      `This installation belongs to ${login}, not ${input.owner}; repositories of ${login} will be synced.`,
    );
  }
  if (repos.data.total_count === 0)
    warnings.push("The installation can see no repositories. Grant it access to some in the installation settings.");
  const granted = Object.entries(installation.permissions ?? {})
    .flatMap(([name, level]) => (typeof level === "string" ? [`${name}:${level}`] : []))
    .sort();
  return {
    ok: true,
    identity: {
      kind: "app",
      appSlug: app.data.slug ?? "",
      appName: app.data.name,
      installationId,
      account: { login, type: account?.type ?? "Organization" },
      repositorySelection: installation.repository_selection,
    },
    repositoryCount: repos.data.total_count,
    granted,
    warnings,
  };
}

async function inspectToken(client: GitHubClient, input: TestConnectionInput): Promise<Found> {
  const user = await client.octokit.request("GET /user");
  if (!looksLikeGitHub(user.headers, user.data) || typeof user.data?.login !== "string")
    return notGitHub(client.endpoints.apiBaseUrl, user.status);
  const scopesHeader = user.headers["x-oauth-scopes"];
  const identity: ConnectionIdentity = {
    kind: "token",
    login: user.data.login,
    scopes:
      typeof scopesHeader === "string"
        ? scopesHeader
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
    expiresAt: (user.headers["github-authentication-token-expiration"] as string | undefined) ?? null,
  };
  const owner = input.owner ?? user.data.login;
  let ownerType: string;
  try {
    ownerType = (await client.octokit.request("GET /users/{username}", { username: owner })).data.type;
  } catch (error) {
    if (asRequestError(error)?.status === 404)
      return problem(
        "owner-not-found",
        `No organization or user "${owner}" is visible with this token. Check the name, and that the token's resource owner is ${owner}.`,
      );
    throw error;
  }
  const isOrg = ownerType === "Organization";
  const list = isOrg
    ? await client.octokit.request("GET /orgs/{org}/repos", { org: owner, per_page: 1 })
    : await client.octokit.request("GET /users/{username}/repos", { username: owner, per_page: 1 });
  const last = /[?&]page=(\d+)>; rel="last"/.exec(list.headers.link ?? "");
  const repositoryCount = last ? Number(last[1]) : list.data.length;
  const sample = list.data[0];

  const granted = ["metadata:read"];
  const warnings: string[] = [];
  const probe = async (permission: string, request: () => Promise<unknown>) => {
    try {
      await request();
      granted.push(permission);
    } catch (error) {
      const status = hasResponse(error) ? error.response.status : undefined;
      if (status === 404)
        granted.push(permission); // allowed to look, nothing there
      else if (status !== 403) warnings.push(`Could not check ${permission}: ${(error as Error).message}`);
    }
  };
  if (sample) {
    const [o, r] = sample.full_name.split("/") as [string, string];
    await probe("contents:read", () =>
      client.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: o,
        repo: r,
        path: input.catalogPath ?? "catalog-info.yaml",
      }),
    );
    await probe("actions:read", () =>
      client.octokit.request("GET /repos/{owner}/{repo}/actions/runs", { owner: o, repo: r, per_page: 1 }),
    );
  } else {
    warnings.push(`The token sees no repositories of ${owner}, so contents and actions access could not be checked.`);
  }
  if (isOrg)
    await probe("members:read", () => client.octokit.request("GET /orgs/{org}/teams", { org: owner, per_page: 1 }));
  return { ok: true, identity, repositoryCount, granted, warnings };
}

function isGranted(granted: readonly string[], need: string): boolean {
  const [name, level = "read"] = need.split(":");
  return granted.some((g) => {
    const [gName, gLevel = "read"] = g.split(":");
    return gName === name && (LEVEL[gLevel] ?? 0) >= (LEVEL[level] ?? 1);
  });
}

function consequenceOf(permission: string, authType: GitHubCredentials["type"]): string {
  const what: Record<string, string> = {
    "contents:read": "catalog files cannot be read, so no entities will be imported",
    "metadata:read": "repositories cannot be listed",
    "members:read": "teams and their members will not be imported as groups and users",
    "actions:read": "CI/CD runs will not be shown",
  };
  const fix =
    authType === "app"
      ? "Add it in the GitHub App's permission settings; the organization then has to accept the new permissions."
      : "Edit the token's permissions on GitHub (Settings, Developer settings, Personal access tokens).";
  return `Missing ${permission}: ${what[permission] ?? "some features will not work"}. ${fix}`;
}
