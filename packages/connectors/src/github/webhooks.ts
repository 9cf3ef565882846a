import { CODEOWNERS_PATHS } from "./discover-query";
import { obj, str, type Payload } from "./payload";
import { workflowRunFromWebhook, type WorkflowRun } from "./workflow-runs";

export type RepositoryRef = { id: number; nodeId: string; fullName: string };

export type GitHubSyncEvent =
  | {
      kind: "catalog-push";
      repository: RepositoryRef;
      branch: string;
      before: string;
      after: string;
      /** Watched paths this push added or modified. */
      changedPaths: string[];
      removedPaths: string[];
      codeownersChanged: boolean;
      /** False when the payload cannot list every changed file (forced push, commit list cut off): refresh the whole repository. */
      complete: boolean;
    }
  | {
      kind: "repository";
      action: "created" | "deleted" | "archived" | "unarchived" | "renamed" | "transferred" | "default-branch-changed";
      repository: RepositoryRef;
      previousFullName?: string;
      previousDefaultBranch?: string;
    }
  | { kind: "installation-repositories"; added: RepositoryRef[]; removed: RepositoryRef[] }
  | {
      kind: "team";
      action: "created" | "deleted" | "edited";
      org: string;
      team: { slug: string; name: string; parentSlug: string | null };
      previousName?: string;
    }
  | { kind: "membership"; action: "added" | "removed"; org: string; teamSlug: string; member: string }
  | { kind: "organization-member"; action: "added" | "removed"; org: string; member: string }
  | { kind: "workflow-run"; run: WorkflowRun };

export type Classification = { handled: true; event: GitHubSyncEvent } | { handled: false; reason: string };

export type ClassifyOptions = {
  catalogPaths?: readonly string[];
  /** More paths whose change matters, e.g. the files Location entities point at. */
  watchedPaths?: readonly string[];
};

// GitHub lists at most this many commits in a push payload.
const MAX_PUSH_COMMITS = 2048;

function repositoryRef(value: unknown): RepositoryRef | null {
  const repo = obj(value);
  const fullName = str(repo?.full_name);
  if (!repo || !fullName) return null;
  return { id: Number(repo.id), nodeId: str(repo.node_id) ?? "", fullName };
}

/** Decides whether a delivery matters to the sync and turns it into one normalised event. */
export function classifyWebhook(eventName: string, payload: unknown, options: ClassifyOptions = {}): Classification {
  const p = obj(payload);
  if (!p) return { handled: false, reason: "The payload is not a JSON object." };
  const action = str(p.action);
  const ignore = (reason: string): Classification => ({ handled: false, reason });
  const handle = (event: GitHubSyncEvent): Classification => ({ handled: true, event });

  switch (eventName) {
    case "ping":
      return ignore("ping: GitHub confirms the webhook is set up.");
    case "push":
      return classifyPush(p, options);
    case "repository": {
      const repository = repositoryRef(p.repository);
      if (!repository) return ignore("repository event without a repository.");
      const changes = obj(p.changes);
      switch (action) {
        case "created":
        case "deleted":
        case "archived":
        case "unarchived":
          return handle({ kind: "repository", action, repository });
        case "renamed": {
          const from = str(obj(obj(changes?.repository)?.name)?.from);
          const owner = repository.fullName.split("/")[0];
          return handle({
            kind: "repository",
            action,
            repository,
            ...(from ? { previousFullName: `${owner}/${from}` } : {}),
          });
        }
        case "transferred": {
          const fromOwner = obj(obj(changes?.owner)?.from);
          const previousOwner = str(obj(fromOwner?.organization)?.login) ?? str(obj(fromOwner?.user)?.login);
          const name = repository.fullName.split("/")[1];
          return handle({
            kind: "repository",
            action,
            repository,
            ...(previousOwner ? { previousFullName: `${previousOwner}/${name}` } : {}),
          });
        }
        case "edited": {
          const previous = str(obj(changes?.default_branch)?.from);
          if (previous)
            return handle({
              kind: "repository",
              action: "default-branch-changed",
              repository,
              previousDefaultBranch: previous,
            });
          return ignore("repository edited without a default branch change.");
        }
        default:
          return ignore(`repository ${action ?? "(no action)"} does not affect the catalog.`);
      }
    }
    case "installation_repositories": {
      if (action !== "added" && action !== "removed")
        return ignore(`installation_repositories ${action ?? ""} is not used.`);
      const list = (v: unknown) =>
        (Array.isArray(v) ? v : []).map(repositoryRef).filter((r): r is RepositoryRef => r !== null);
      return handle({
        kind: "installation-repositories",
        added: list(p.repositories_added),
        removed: list(p.repositories_removed),
      });
    }
    case "team": {
      const team = obj(p.team);
      const slug = str(team?.slug);
      const org = str(obj(p.organization)?.login);
      if (!slug || !org) return ignore("team event without a team or organisation.");
      if (action !== "created" && action !== "deleted" && action !== "edited")
        return ignore(`team ${action ?? ""} does not change groups.`);
      const previousName = str(obj(obj(obj(p.changes)?.name))?.from);
      return handle({
        kind: "team",
        action,
        org,
        team: { slug, name: str(team?.name) ?? slug, parentSlug: str(obj(team?.parent)?.slug) ?? null },
        ...(previousName ? { previousName } : {}),
      });
    }
    case "membership": {
      const org = str(obj(p.organization)?.login);
      const teamSlug = str(obj(p.team)?.slug);
      const member = str(obj(p.member)?.login);
      if (!org || !teamSlug || !member) return ignore("membership event without organisation, team or member.");
      if (action !== "added" && action !== "removed") return ignore(`membership ${action ?? ""} is not used.`);
      return handle({ kind: "membership", action, org, teamSlug, member });
    }
    case "organization": {
      const org = str(obj(p.organization)?.login);
      const member = str(obj(obj(p.membership)?.user)?.login);
      if (action !== "member_added" && action !== "member_removed")
        return ignore(`organization ${action ?? ""} does not change users.`);
      if (!org || !member) return ignore("organization event without organisation or member.");
      return handle({
        kind: "organization-member",
        action: action === "member_added" ? "added" : "removed",
        org,
        member,
      });
    }
    case "workflow_run": {
      if (action !== "completed") return ignore(`workflow_run ${action ?? ""}: only completed runs are recorded.`);
      const run = workflowRunFromWebhook(p);
      return run ? handle({ kind: "workflow-run", run }) : ignore("workflow_run event without a run.");
    }
    default:
      return ignore(`The ${eventName} event is not used by the sync.`);
  }
}

function classifyPush(p: Payload, options: ClassifyOptions): Classification {
  const repository = repositoryRef(p.repository);
  const ref = str(p.ref);
  const defaultBranch = str(obj(p.repository)?.default_branch) ?? str(obj(p.repository)?.master_branch);
  if (!repository || !ref || !defaultBranch)
    return { handled: false, reason: "push event without repository, ref or default branch." };
  if (ref !== `refs/heads/${defaultBranch}`)
    return { handled: false, reason: `push to ${ref}, not to the default branch ${defaultBranch}.` };
  if (p.deleted === true) return { handled: false, reason: "push deleted the branch." };

  // Payload paths are repository-relative without a leading "./" or "/"; configured ones may have either.
  const configured = [...(options.catalogPaths ?? ["catalog-info.yaml"]), ...(options.watchedPaths ?? [])];
  const catalog = new Set(configured.map((path) => path.trim().replace(/^(\.\/|\/)+/, "")));
  const owners = new Set<string>(CODEOWNERS_PATHS);
  const commits = (Array.isArray(p.commits) ? p.commits : []).map(obj).filter((c): c is Payload => !!c);
  if (commits.length === 0 && obj(p.head_commit)) commits.push(obj(p.head_commit) as Payload);
  const paths = (c: Payload, key: string) =>
    Array.isArray(c[key]) ? (c[key] as unknown[]).filter((x): x is string => typeof x === "string") : [];

  // Commits are in order, so a path's last touch decides whether it ends up present or removed.
  const state = new Map<string, "changed" | "removed">();
  for (const commit of commits) {
    for (const path of [...paths(commit, "added"), ...paths(commit, "modified")]) state.set(path, "changed");
    for (const path of paths(commit, "removed")) state.set(path, "removed");
  }
  const complete = p.forced !== true && commits.length < MAX_PUSH_COMMITS;
  const relevant = [...state].filter(([path]) => catalog.has(path) || owners.has(path));
  if (relevant.length === 0 && complete)
    return { handled: false, reason: "push to the default branch touched no catalog file." };

  return {
    handled: true,
    event: {
      kind: "catalog-push",
      repository,
      branch: defaultBranch,
      before: str(p.before) ?? "",
      after: str(p.after) ?? "",
      changedPaths: relevant
        .filter(([path, s]) => s === "changed" && catalog.has(path))
        .map(([path]) => path)
        .sort(),
      removedPaths: relevant
        .filter(([path, s]) => s === "removed" && catalog.has(path))
        .map(([path]) => path)
        .sort(),
      codeownersChanged: relevant.some(([path]) => owners.has(path)),
      complete,
    },
  };
}
