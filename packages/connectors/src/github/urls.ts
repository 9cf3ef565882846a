export const GITHUB_API_URL = "https://api.github.com";

/** Where the REST API, the GraphQL API and the web UI of one GitHub installation live. */
export type GitHubEndpoints = {
  apiBaseUrl: string;
  graphqlUrl: string;
  webBaseUrl: string;
  /** GitHub Enterprise Server (an `/api/v3` base URL). */
  isEnterpriseServer: boolean;
};

/**
 * github.com: api.github.com / api.github.com/graphql / github.com.
 * GitHub Enterprise Server: https://host/api/v3 / https://host/api/graphql / https://host.
 * GHE.com data residency: https://api.sub.ghe.com / .../graphql / https://sub.ghe.com.
 * Anything else (a test server) serves all three from its own origin unless told otherwise.
 */
export function resolveGitHubEndpoints(baseUrl: string = GITHUB_API_URL, webBaseUrl?: string): GitHubEndpoints {
  const api = new URL(baseUrl);
  const apiBaseUrl = `${api.origin}${api.pathname.replace(/\/+$/, "")}`;
  const ghes = /\/api\/v3$/.test(apiBaseUrl);
  const root = ghes ? apiBaseUrl.replace(/\/api\/v3$/, "") : apiBaseUrl;
  const graphqlUrl = ghes ? `${root}/api/graphql` : `${apiBaseUrl}/graphql`;
  let web = root;
  if (api.hostname === "api.github.com") web = "https://github.com";
  else if (!ghes && api.hostname.startsWith("api.") && api.hostname.endsWith(".ghe.com")) {
    web = `${api.protocol}//${api.host.slice("api.".length)}`;
  }
  return { apiBaseUrl, graphqlUrl, webBaseUrl: (webBaseUrl ?? web).replace(/\/+$/, ""), isEnterpriseServer: ghes };
}

/** A file or folder on a GitHub host, as a Location entity's `url:` target names it. */
export type GitHubFileRef = { owner: string; repo: string; ref: string; path: string; kind: "blob" | "tree" };

export type ParsedGitHubUrl = { ok: true; target: GitHubFileRef } | { ok: false; reason: string };

/**
 * Parses https://github.com/o/r/blob/main/path.yaml (and /tree/, /raw/, GHES hosts, and
 * raw.githubusercontent.com for github.com). A ref with slashes ("feature/x") is ambiguous in
 * these URLs; like Backstage, the first segment is taken as the ref.
 */
export function parseGitHubUrl(input: string, webBaseUrl: string = "https://github.com"): ParsedGitHubUrl {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: `"${input}" is not a URL` };
  }
  const web = new URL(webBaseUrl);
  let segments: string[];
  if (web.hostname === "github.com" && url.hostname === "raw.githubusercontent.com") {
    const [owner, repo, ref, ...rest] = splitPath(url.pathname);
    segments = [owner ?? "", repo ?? "", "blob", ref ?? "", ...rest];
  } else {
    const sameHost =
      url.host.toLowerCase() === web.host.toLowerCase() ||
      (web.hostname === "github.com" && url.hostname === "www.github.com");
    if (!sameHost || url.protocol !== web.protocol) {
      return { ok: false, reason: `${url.origin} is not this integration's GitHub host (${web.origin})` };
    }
    const basePath = web.pathname.replace(/\/+$/, "");
    if (basePath && !url.pathname.startsWith(`${basePath}/`))
      return { ok: false, reason: `${input} is outside ${webBaseUrl}` };
    segments = splitPath(url.pathname.slice(basePath.length));
  }
  const [owner, repo, kind, ref, ...rest] = segments.map((s) => safeDecode(s));
  if (!owner || !repo || !kind || !ref)
    return { ok: false, reason: `${input} does not name a file (expected /owner/repo/blob/ref/path)` };
  if (kind !== "blob" && kind !== "tree" && kind !== "raw") {
    return {
      ok: false,
      reason: `${input} does not name a file (expected /blob/ or /tree/ after the repository, got /${kind}/)`,
    };
  }
  const badSegment = (s: string | null) => s === null || s === "" || s === "." || s === ".." || s.includes("/");
  if (rest.some(badSegment) || [owner, repo].some(badSegment)) {
    return { ok: false, reason: `${input} has an invalid path` };
  }
  const path = rest.join("/");
  if (kind !== "tree" && !path) return { ok: false, reason: `${input} names a repository, not a file` };
  return { ok: true, target: { owner, repo, ref, path, kind: kind === "tree" ? "tree" : "blob" } };
}

/** The web link to a file, for error messages that point a person at the right place. */
export function githubBlobUrl(webBaseUrl: string, nameWithOwner: string, ref: string, path: string): string {
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  return `${webBaseUrl}/${nameWithOwner}/blob/${encodeURIComponent(ref)}/${encodedPath}`;
}

function splitPath(pathname: string): string[] {
  return pathname.split("/").filter((s, i, all) => s !== "" || (i > 0 && i < all.length - 1));
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
