import { createHash } from "node:crypto";

/** The data a fake GitHub organisation holds, and the mutations tests make between syncs. */

export type FakeFile = string | Uint8Array;
export type RepoPermission = "admin" | "maintain" | "push" | "triage" | "pull";
export type PermissionLevel = "read" | "write" | "admin";
export type FakePermissions = Record<string, PermissionLevel>;

export type FakeWorkflowRunSpec = {
  id?: number;
  workflowName: string;
  workflowPath?: string;
  status?: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion?: "success" | "failure" | "cancelled" | "skipped" | "timed_out" | "action_required" | "neutral" | null;
  branch?: string;
  headSha?: string;
  actor?: string;
  event?: string;
  /** ISO time; defaults to the repository's pushedAt. */
  startedAt?: string;
  /** Seconds from start to the last update; the run's duration when completed. */
  durationSeconds?: number;
  runNumber?: number;
};

export type FakeRepositorySpec = {
  name: string;
  defaultBranch?: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  description?: string | null;
  topics?: string[];
  pushedAt?: string;
  /** Files on the default branch, by path. A Uint8Array with a NUL byte is served as binary. */
  files?: Record<string, FakeFile>;
  /** Teams with access, for "top team" owner inference. */
  teams?: Array<{ slug: string; permission: RepoPermission }>;
  workflowRuns?: FakeWorkflowRunSpec[];
  /** A repository without commits has no default branch. */
  empty?: boolean;
};

export type FakeTeamSpec = {
  slug: string;
  name?: string;
  description?: string | null;
  parent?: string;
  members?: string[];
  privacy?: "closed" | "secret";
};

export type FakeUserSpec = { login: string; name?: string | null; email?: string | null };

export type FakeRepository = {
  id: number;
  nodeId: string;
  name: string;
  owner: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  private: boolean;
  description: string | null;
  topics: string[];
  pushedAt: string;
  createdAt: string;
  empty: boolean;
  /** The default branch's head commit: a new one with every setFile, CI runs default to it. */
  headOid: string;
  files: Map<string, FakeFile>;
  teams: Array<{ slug: string; permission: RepoPermission }>;
  workflowRuns: Array<
    Required<Omit<FakeWorkflowRunSpec, "conclusion">> & { conclusion: FakeWorkflowRunSpec["conclusion"] | null }
  >;
  /** Branches besides the default one (made through the git refs API), each with its own files. */
  branches: Map<string, FakeBranch>;
  /** Pull requests opened through the REST API, oldest first. */
  pulls: FakePullRequest[];
};

export type FakeBranch = { headOid: string; files: Map<string, FakeFile> };

export type FakePullRequest = {
  id: number;
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  /** Who opened it: a user's login, or an app's bot login. */
  user: string;
  createdAt: string;
  draft: boolean;
};

export type FakeTeam = {
  id: number;
  nodeId: string;
  slug: string;
  name: string;
  description: string | null;
  parent: string | null;
  members: string[];
  privacy: "closed" | "secret";
};

export type FakeUser = { id: number; nodeId: string; login: string; name: string | null; email: string | null };

const CREATED_AT = "2024-01-02T03:04:05Z";

export class FakeOrgState {
  readonly repos = new Map<number, FakeRepository>();
  readonly teams = new Map<string, FakeTeam>();
  readonly users = new Map<string, FakeUser>();
  /** Old full names (lowercase) of renamed or transferred repositories, for 301 redirects. */
  readonly redirects = new Map<string, number>();
  /** Lowercase name → id: lookups stay O(1) in a 20,000-repository benchmark org. */
  private readonly byName = new Map<string, number>();
  private nextId = 1000;

  constructor(readonly org: string) {}

  id(): number {
    return this.nextId++;
  }

  createRepository(spec: FakeRepositorySpec): FakeRepository {
    if (this.findRepository(this.org, spec.name)) throw new Error(`fake: repository ${spec.name} exists`);
    const id = this.id();
    const pushedAt = spec.pushedAt ?? CREATED_AT;
    const repo: FakeRepository = {
      id,
      nodeId: nodeId("R_kgDO", id),
      name: spec.name,
      owner: this.org,
      defaultBranch: spec.defaultBranch ?? "main",
      archived: spec.archived ?? false,
      fork: spec.fork ?? false,
      private: spec.private ?? true,
      description: spec.description ?? null,
      topics: spec.topics ?? [],
      pushedAt,
      createdAt: CREATED_AT,
      empty: spec.empty ?? false,
      headOid: sha(`${spec.name}:head:${id}`),
      files: new Map(Object.entries(spec.files ?? {})),
      teams: spec.teams ?? [],
      workflowRuns: [],
      branches: new Map(),
      pulls: [],
    };
    this.repos.set(id, repo);
    this.byName.set(repo.name.toLowerCase(), id);
    for (const run of spec.workflowRuns ?? []) this.addWorkflowRun(repo.name, run);
    return repo;
  }

  findRepository(owner: string, name: string): FakeRepository | undefined {
    if (owner.toLowerCase() !== this.org.toLowerCase()) return undefined;
    const id = this.byName.get(name.toLowerCase());
    return id === undefined ? undefined : this.repos.get(id);
  }

  repository(name: string): FakeRepository {
    const repo = this.findRepository(this.org, name);
    if (!repo) throw new Error(`fake: no repository ${name}`);
    return repo;
  }

  /** Repositories sorted by name, as GitHub's GraphQL orders them with orderBy NAME ASC. */
  sortedRepositories(): FakeRepository[] {
    return [...this.repos.values()].sort((a, b) => compareNames(a.name, b.name));
  }

  renameRepository(from: string, to: string): FakeRepository {
    const repo = this.repository(from);
    if (this.findRepository(this.org, to)) throw new Error(`fake: repository ${to} exists`);
    this.redirects.set(`${this.org}/${repo.name}`.toLowerCase(), repo.id);
    this.byName.delete(repo.name.toLowerCase());
    repo.name = to;
    this.byName.set(to.toLowerCase(), repo.id);
    return repo;
  }

  deleteRepository(name: string): void {
    const repo = this.repository(name);
    this.repos.delete(repo.id);
    this.byName.delete(repo.name.toLowerCase());
    for (const [old, id] of this.redirects) if (id === repo.id) this.redirects.delete(old);
  }

  setArchived(name: string, archived: boolean): void {
    this.repository(name).archived = archived;
  }

  /** Writes (or, with null, deletes) a file on the default branch. */
  setFile(name: string, path: string, content: FakeFile | null): void {
    const repo = this.repository(name);
    if (content === null) repo.files.delete(path);
    else repo.files.set(path, content);
    repo.pushedAt = new Date().toISOString();
    repo.headOid = sha(`${repo.name}:head:${this.id()}`);
  }

  addWorkflowRun(name: string, spec: FakeWorkflowRunSpec): void {
    const repo = this.repository(name);
    const id = spec.id ?? this.id() * 1000;
    repo.workflowRuns.unshift({
      id,
      workflowName: spec.workflowName,
      workflowPath:
        spec.workflowPath ?? `.github/workflows/${spec.workflowName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.yml`,
      status: spec.status ?? "completed",
      conclusion:
        spec.conclusion === undefined
          ? spec.status && spec.status !== "completed"
            ? null
            : "success"
          : spec.conclusion,
      branch: spec.branch ?? repo.defaultBranch,
      // Runs start on the default branch's head commit unless a test says otherwise.
      headSha:
        spec.headSha ?? (spec.branch && spec.branch !== repo.defaultBranch ? sha(`${repo.name}:${id}`) : repo.headOid),
      actor: spec.actor ?? "octocat",
      event: spec.event ?? "push",
      startedAt: spec.startedAt ?? repo.pushedAt,
      durationSeconds: spec.durationSeconds ?? 90,
      runNumber: spec.runNumber ?? repo.workflowRuns.length + 1,
    });
  }

  addTeam(spec: FakeTeamSpec): FakeTeam {
    const id = this.id();
    const team: FakeTeam = {
      id,
      nodeId: nodeId("T_kwDO", id),
      slug: spec.slug,
      name: spec.name ?? spec.slug,
      description: spec.description ?? null,
      parent: spec.parent ?? null,
      members: spec.members ?? [],
      privacy: spec.privacy ?? "closed",
    };
    for (const login of team.members) this.ensureUser({ login });
    this.teams.set(team.slug, team);
    return team;
  }

  ensureUser(spec: FakeUserSpec): FakeUser {
    const existing = this.users.get(spec.login.toLowerCase());
    if (existing) {
      if (spec.name !== undefined) existing.name = spec.name;
      if (spec.email !== undefined) existing.email = spec.email;
      return existing;
    }
    const id = this.id();
    const user: FakeUser = {
      id,
      nodeId: nodeId("U_kgDO", id),
      login: spec.login,
      name: spec.name ?? null,
      email: spec.email ?? null,
    };
    this.users.set(spec.login.toLowerCase(), user);
    return user;
  }
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}${Buffer.from(`id:${id}`).toString("base64url")}`;
}

export function sha(seed: string): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The id git gives a blob: sha1 of "blob <size>\0" and the content, as GitHub reports it. */
export function gitBlobSha(file: FakeFile): string {
  const bytes = fileBytes(file);
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

export function fileBytes(file: FakeFile): Uint8Array {
  return typeof file === "string" ? Buffer.from(file, "utf8") : file;
}

export function isBinaryFile(file: FakeFile): boolean {
  return typeof file !== "string" && file.subarray(0, 8000).includes(0);
}
