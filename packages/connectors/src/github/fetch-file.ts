import type { GitHubClient } from "./client";
import { asRequestError, header } from "./errors";
import { githubBlobUrl, parseGitHubUrl } from "./urls";

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type FileErrorReason =
  "too-large" | "binary" | "not-a-file" | "forbidden" | "truncated" | "not-found" | "unsupported-target";

export type FileContent = {
  status: "ok";
  path: string;
  url: string;
  text: string;
  byteSize: number;
  sha: string;
  fromCache: boolean;
};
export type FileProblem = {
  status: "error";
  path: string;
  url: string;
  reason: FileErrorReason;
  message: string;
  byteSize?: number;
};
export type FileResult = FileContent | FileProblem;

type CachedFile = Omit<FileContent, "fromCache">;
export type EtagEntry<T = unknown> = { etag: string; value: T };

/**
 * Where ETags and the answers they stand for are kept between syncs (memory here; Redis or
 * Postgres in the worker). Values are whatever the caller cached: file contents, run lists.
 */
export type EtagCache = {
  get(key: string): EtagEntry | undefined | Promise<EtagEntry | undefined>;
  set(key: string, entry: EtagEntry): void | Promise<void>;
};

/** A bounded in-memory cache; least recently used entries go first. */
export function createMemoryEtagCache(maxEntries = 10_000): EtagCache {
  const entries = new Map<string, EtagEntry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}

export type FileLocation = { owner: string; repo: string; path: string; ref?: string };
export type FetchFileOptions = { etagCache?: EtagCache; maxBytes?: number };

/**
 * One file by REST (GET /repos/{owner}/{repo}/contents/{path}?ref=). With an ETag cache the
 * request is conditional: an unchanged file comes back 304, which costs no rate limit.
 * Problems with the file itself are results; API failures (401, rate limits, outages) throw.
 */
export async function fetchFileContent(
  client: GitHubClient,
  location: FileLocation,
  options: FetchFileOptions = {},
): Promise<FileResult> {
  const { owner, repo, path } = location;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const url = githubBlobUrl(client.endpoints.webBaseUrl, `${owner}/${repo}`, location.ref ?? "HEAD", path);
  const key = `file|${client.endpoints.apiBaseUrl}|${owner}/${repo}|${location.ref ?? ""}|${path}`.toLowerCase();
  const cached = options.etagCache ? await options.etagCache.get(key) : undefined;
  const problem = (reason: FileErrorReason, message: string, byteSize?: number): FileProblem => ({
    status: "error",
    path,
    url,
    reason,
    message,
    byteSize,
  });

  let response;
  try {
    response = await client.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path,
      ...(location.ref ? { ref: location.ref } : {}),
      headers: cached ? { "if-none-match": cached.etag } : {},
    });
  } catch (error) {
    const e = asRequestError(error);
    if (e?.status === 304 && cached) return { ...(cached.value as CachedFile), fromCache: true };
    if (e?.status === 404)
      return problem(
        "not-found",
        `${owner}/${repo}: ${path} does not exist${location.ref ? ` at ${location.ref}` : ""}.`,
      );
    if (e?.status === 403 && e.response && header(e, "x-ratelimit-remaining") !== "0") {
      const needed = header(e, "x-accepted-github-permissions") ?? "contents=read";
      return problem(
        "forbidden",
        `Reading ${owner}/${repo}: ${path} needs the ${needed.replace("=", ":")} permission.`,
      );
    }
    throw error;
  }

  const data = response.data;
  if (Array.isArray(data)) return problem("not-a-file", `${path} in ${owner}/${repo} is a directory, not a file.`);
  if (data.type !== "file") return problem("not-a-file", `${path} in ${owner}/${repo} is a ${data.type}, not a file.`);
  if (data.size > maxBytes || data.encoding !== "base64") {
    return problem(
      "too-large",
      `${path} in ${owner}/${repo} is ${formatBytes(data.size)}; the limit is ${formatBytes(maxBytes)}.`,
      data.size,
    );
  }
  const decoded = decodeText(Buffer.from(data.content, "base64"));
  if (decoded === null) return problem("binary", `${path} in ${owner}/${repo} is not UTF-8 text.`, data.size);
  const file: CachedFile = {
    status: "ok",
    path,
    url: data.html_url ?? url,
    text: decoded,
    byteSize: data.size,
    sha: data.sha,
  };
  const etag = response.headers.etag;
  if (options.etagCache && etag) await options.etagCache.set(key, { etag, value: file });
  return { ...file, fromCache: false };
}

/**
 * Follows a Location entity's `url:` target when it points at a file on this integration's
 * GitHub host (https://github.com/o/r/blob/ref/path.yaml or the GHES equivalent).
 */
export async function fetchLocationTarget(
  client: GitHubClient,
  target: string,
  options: FetchFileOptions = {},
): Promise<FileResult> {
  const parsed = parseGitHubUrl(target, client.endpoints.webBaseUrl);
  if (!parsed.ok)
    return { status: "error", path: target, url: target, reason: "unsupported-target", message: parsed.reason };
  if (parsed.target.kind === "tree") {
    return {
      status: "error",
      path: target,
      url: target,
      reason: "not-a-file",
      message: `${target} is a folder; a Location target must name a file.`,
    };
  }
  const { owner, repo, ref, path } = parsed.target;
  const result = await fetchFileContent(client, { owner, repo, ref, path }, options);
  return result.status === "ok" ? result : { ...result, url: target };
}

/** UTF-8 text without a BOM, or null for binary content (NUL bytes or invalid UTF-8). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
