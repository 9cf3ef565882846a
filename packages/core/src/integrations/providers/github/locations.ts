import { parseCatalogFile } from "@stagedoor/catalog";
import { fetchLocationTargets, parseGitHubUrl, type GitHubClient } from "@stagedoor/connectors";
import { fileProblem, type PlannedFile, type RepositoryPlan } from "./plan-types";

// Locations pointing at Locations are followed this deep; Backstage has no bound, but a
// cycle or a fan-out must not turn one sync into thousands of requests.
const MAX_DEPTH = 3;
const MAX_TARGETS_PER_REPOSITORY = 100;
// Reasons that mean "nothing is there": the target contributes nothing, and that is news.
const ABSENT = new Set(["not-found", "unsupported-target", "not-a-file"]);

type Wanted = { plan: RepositoryPlan; target: string; from: PlannedFile };

/**
 * Follows `kind: Location` entities' `url` targets (absolute, or relative to the file that
 * declares them) and adds the files they point at to the declaring repository's plan, so
 * they are ingested into the same source. Every level is fetched in batched GraphQL
 * requests for all repositories of the page at once.
 */
export async function followLocations(
  client: GitHubClient,
  plans: RepositoryPlan[],
  scope: { owner: string; allowOtherOwners: boolean },
): Promise<void> {
  const followed = new Map<RepositoryPlan, Set<string>>(plans.map((p) => [p, new Set()]));
  let frontier = plans.map((plan) => ({ plan, files: plan.files.filter((f) => !f.generated) }));
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const wanted: Wanted[] = [];
    for (const { plan, files } of frontier) {
      const seen = followed.get(plan) as Set<string>;
      for (const file of files) {
        for (const raw of locationTargets(file)) {
          const target = resolveTarget(raw, file.url, client, scope);
          if (!target.ok) {
            plan.problems.push(fileProblem(plan.repository.nameWithOwner, file.name, file.url, target.message));
            continue;
          }
          if (seen.has(target.url)) continue;
          if (seen.size >= MAX_TARGETS_PER_REPOSITORY) {
            plan.problems.push(
              fileProblem(
                plan.repository.nameWithOwner,
                file.name,
                file.url,
                `Only the first ${MAX_TARGETS_PER_REPOSITORY} Location targets of a repository are followed.`,
              ),
            );
            break;
          }
          seen.add(target.url);
          wanted.push({ plan, target: target.url, from: file });
        }
      }
    }
    if (wanted.length === 0) return;
    const results = await fetchLocationTargets(
      client,
      wanted.map((w) => w.target),
    );
    const next = new Map<RepositoryPlan, PlannedFile[]>();
    results.forEach((result, i) => {
      const { plan, target, from } = wanted[i] as Wanted;
      const repo = plan.repository.nameWithOwner;
      if (result.status !== "ok") {
        plan.problems.push(fileProblem(repo, from.name, target, `Location target ${target}: ${result.message}`));
        if (!ABSENT.has(result.reason)) plan.keepPrevious = true;
        return;
      }
      const name = targetName(client, repo, target, result.path);
      if (plan.files.some((f) => f.name === name)) return;
      const file: PlannedFile = { name, content: result.text, url: target };
      plan.files.push(file);
      next.set(plan, [...(next.get(plan) ?? []), file]);
    });
    frontier = [...next].map(([plan, files]) => ({ plan, files }));
  }
}

/** The `url` targets of the file's Location entities; other files cost only a regex test. */
function locationTargets(file: PlannedFile): string[] {
  if (!/kind\s*:\s*["']?location\b/i.test(file.content)) return [];
  const parsed = parseCatalogFile(file.content, { file: file.name });
  const targets: string[] = [];
  for (const document of parsed.documents) {
    const entity = document.entity?.entity;
    if (!entity || entity.kind.toLowerCase() !== "location") continue;
    const spec = entity.spec ?? {};
    if (spec.type !== undefined && spec.type !== "url") continue;
    if (typeof spec.target === "string") targets.push(spec.target);
    if (Array.isArray(spec.targets)) for (const t of spec.targets) if (typeof t === "string") targets.push(t);
  }
  return targets;
}

function resolveTarget(
  raw: string,
  base: string,
  client: GitHubClient,
  scope: { owner: string; allowOtherOwners: boolean },
): { ok: true; url: string } | { ok: false; message: string } {
  if (/[*?]/.test(raw)) {
    return { ok: false, message: `Location target "${raw}" uses a wildcard; only single files are followed.` };
  }
  let url: string;
  try {
    url = new URL(raw.trim(), base).href;
  } catch {
    return { ok: false, message: `Location target "${raw}" is not a URL or a relative path.` };
  }
  // The sync fetches targets with the integration's credentials, which may see more than
  // the configured owner: a catalog file must not be a way to read other owners' repositories
  // (issue 8, finding 10). Targets that are not on this host are refused by the fetch itself.
  const parsed = parseGitHubUrl(url, client.endpoints.webBaseUrl);
  if (!scope.allowOtherOwners && parsed.ok && parsed.target.owner.toLowerCase() !== scope.owner.toLowerCase()) {
    return {
      ok: false,
      message: `Location target ${url} is outside ${scope.owner}; only ${scope.owner}'s repositories are followed (an admin can allow other owners in the integration's settings).`,
    };
  }
  return { ok: true, url };
}

/** Targets in the same repository are named by their path; others by owner/repo/path. */
function targetName(client: GitHubClient, repository: string, target: string, path: string): string {
  const parsed = parseGitHubUrl(target, client.endpoints.webBaseUrl);
  if (!parsed.ok) return target;
  const { owner, repo } = parsed.target;
  return `${owner}/${repo}`.toLowerCase() === repository.toLowerCase() ? path : `${owner}/${repo}/${path}`;
}
