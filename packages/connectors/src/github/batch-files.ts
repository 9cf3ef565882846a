import { mapWithConcurrency } from "../util/concurrency";
import { BLOB_FRAGMENT, blobToFile, forbiddenFile, type RawGitObject } from "./blob";
import type { GitHubClient } from "./client";
import {
  DEFAULT_MAX_FILE_BYTES,
  fetchFileContent,
  type FetchFileOptions,
  type FileLocation,
  type FileResult,
} from "./fetch-file";
import { graphqlAllowingPartial, isQueryTimeout } from "./graphql";
import { githubBlobUrl, parseGitHubUrl } from "./urls";

export type BatchFileOptions = FetchFileOptions & {
  /** Files per GraphQL query (default 50). */
  batchSize?: number;
};

const MIN_BATCH = 5;

function filesQuery(count: number): string {
  const variables = Array.from(
    { length: count },
    (_, i) => `$owner${i}: String!, $name${i}: String!, $expression${i}: String!`,
  ).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `  file${i}: repository(owner: $owner${i}, name: $name${i}) { object(expression: $expression${i}) { ...StagedoorBlob } }`,
  ).join("\n");
  return `query StagedoorFetchFiles(${variables}) {
  rateLimit { cost remaining resetAt }
${fields}
}
${BLOB_FRAGMENT}`;
}

/**
 * Many files, in any repositories, in one GraphQL request per batch (Location targets, extra
 * catalog files): a sync following 60 Location targets spends 2 requests, not 60. Files GraphQL
 * truncates are re-read by REST. Results keep the order of `locations`.
 */
export async function fetchFilesBatch(
  client: GitHubClient,
  locations: readonly FileLocation[],
  options: BatchFileOptions = {},
): Promise<FileResult[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const results: FileResult[] = new Array(locations.length);
  const truncated: number[] = [];
  let batch = Math.max(1, Math.min(100, options.batchSize ?? 50));
  for (let start = 0; start < locations.length;) {
    const slice = locations.slice(start, start + batch);
    const variables: Record<string, string> = {};
    slice.forEach((l, i) => {
      variables[`owner${i}`] = l.owner;
      variables[`name${i}`] = l.repo;
      variables[`expression${i}`] = `${l.ref ?? "HEAD"}:${l.path}`;
    });
    let answer;
    try {
      answer = await graphqlAllowingPartial<Record<string, { object: RawGitObject } | null>>(
        client,
        filesQuery(slice.length),
        variables,
      );
    } catch (error) {
      if (isQueryTimeout(error) && batch > MIN_BATCH) {
        batch = Math.max(MIN_BATCH, Math.ceil(batch / 2));
        continue;
      }
      throw error;
    }
    slice.forEach((location, i) => {
      const { owner, repo, path } = location;
      const url = githubBlobUrl(client.endpoints.webBaseUrl, `${owner}/${repo}`, location.ref ?? "HEAD", path);
      const errors = answer.errors.filter((e) => e.path[0] === `file${i}`);
      const entry = answer.data[`file${i}`];
      let result: FileResult;
      if (errors.some((e) => e.type === "FORBIDDEN")) result = forbiddenFile(path, url);
      else if (!entry)
        result = {
          status: "error",
          path,
          url,
          reason: "not-found",
          message: `Repository ${owner}/${repo} was not found or is not visible to this connection.`,
        };
      else {
        const file = blobToFile(path, url, entry.object, maxBytes);
        result = file
          ? file.status === "ok"
            ? { ...file, fromCache: false }
            : file
          : {
              status: "error",
              path,
              url,
              reason: "not-found",
              message: `${owner}/${repo}: ${path} does not exist${location.ref ? ` at ${location.ref}` : ""}.`,
            };
        if (result.status === "error" && result.reason === "truncated") truncated.push(start + i);
      }
      results[start + i] = result;
    });
    start += slice.length;
  }
  await mapWithConcurrency(truncated, client.maxConcurrency, async (index) => {
    results[index] = await fetchFileContent(client, locations[index] as FileLocation, options);
  });
  return results;
}

/**
 * Location entities' `url:` targets on this integration's GitHub host, batched. Targets on
 * other hosts, folders and malformed URLs come back as per-target problems.
 */
export async function fetchLocationTargets(
  client: GitHubClient,
  targets: readonly string[],
  options: BatchFileOptions = {},
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  const wanted: Array<{ index: number; location: FileLocation }> = [];
  targets.forEach((target, index) => {
    const parsed = parseGitHubUrl(target, client.endpoints.webBaseUrl);
    if (!parsed.ok)
      results[index] = {
        status: "error",
        path: target,
        url: target,
        reason: "unsupported-target",
        message: parsed.reason,
      };
    else if (parsed.target.kind === "tree") {
      results[index] = {
        status: "error",
        path: target,
        url: target,
        reason: "not-a-file",
        message: `${target} is a folder; a Location target must name a file.`,
      };
    } else {
      const { owner, repo, ref, path } = parsed.target;
      wanted.push({ index, location: { owner, repo, ref, path } });
    }
  });
  const fetched = await fetchFilesBatch(
    client,
    wanted.map((w) => w.location),
    options,
  );
  wanted.forEach((w, i) => {
    const result = fetched[i] as FileResult;
    results[w.index] = { ...result, url: targets[w.index] as string };
  });
  return results;
}
