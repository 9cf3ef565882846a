import { fetchLocationTargets, parseGitHubUrl, type GitHubClient } from "@stagedoor/connectors";
import type { PlaceholderReader, ReadResult } from "./reader";

/**
 * Reads placeholder targets and `$ref` files through the integration's GitHub client: same
 * host and credentials as the catalog file, batched in one GraphQL request per batch, each
 * file within the connectors' size limit. Like Location targets, files of other owners are
 * refused unless the integration allows them, so a catalog file cannot be used to read
 * repositories the admin did not configure (issue 8, finding 10).
 */
export function githubPlaceholderReader(
  client: GitHubClient,
  scope: { owner: string; allowOtherOwners: boolean },
): PlaceholderReader {
  return async (urls) => {
    const results: ReadResult[] = new Array(urls.length);
    const allowed: Array<{ index: number; url: string }> = [];
    urls.forEach((url, index) => {
      const parsed = parseGitHubUrl(url, client.endpoints.webBaseUrl);
      if (parsed.ok && !scope.allowOtherOwners && parsed.target.owner.toLowerCase() !== scope.owner.toLowerCase()) {
        results[index] = {
          ok: false,
          message: `it is outside ${scope.owner}; only ${scope.owner}'s repositories are read.`,
        };
      } else allowed.push({ index, url });
    });
    if (allowed.length) {
      const fetched = await fetchLocationTargets(
        client,
        allowed.map((a) => a.url),
      );
      fetched.forEach((result, i) => {
        const { index } = allowed[i] as { index: number };
        results[index] =
          result.status === "ok" ? { ok: true, text: result.text } : { ok: false, message: result.message };
      });
    }
    return results;
  };
}
