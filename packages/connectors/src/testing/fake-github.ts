import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeAuth, type FakeAppSpec, type FakeTokenSpec, type Principal } from "./fake-auth";
import { handleControl } from "./fake-control";
import { answerGraphql } from "./fake-graphql";
import {
  faultResponse,
  FakeFaults,
  FakeRateLimits,
  type FakeFault,
  type FakeRateLimitSpec,
  type FaultOptions,
  type RateBucket,
  type RateResource,
} from "./fake-limits";
import { notFound, routeRest, type FakeResponse } from "./fake-rest";
import { routeRestWrite } from "./fake-rest-write";
import type { Urls } from "./fake-shapes";
import {
  FakeOrgState,
  type FakeFile,
  type FakeRepositorySpec,
  type FakeTeamSpec,
  type FakeUserSpec,
  type FakeWorkflowRunSpec,
} from "./fake-state";

export type FakeGitHubOptions = {
  org?: string;
  repositories?: FakeRepositorySpec[];
  teams?: FakeTeamSpec[];
  users?: FakeUserSpec[];
  /** Personal access tokens the server accepts. Any other token gets 401 Bad credentials. */
  tokens?: Record<string, FakeTokenSpec>;
  app?: FakeAppSpec;
  /** Added before every answer (real time), e.g. 50 for a realistic benchmark. */
  latencyMs?: number;
  rateLimit?: FakeRateLimitSpec;
  graphqlRateLimit?: FakeRateLimitSpec;
  /** The server's clock for rate-limit windows; share a test clock with the client. */
  now?: () => number;
  /** Web UI origin used in html_url fields; defaults to the server's own origin. */
  webBaseUrl?: string;
  /** GraphQL Blob.text is cut off (isTruncated) past this many bytes. */
  blobTextLimitBytes?: number;
  port?: number;
};

export type FakeRequestLogEntry = {
  seq: number;
  method: string;
  /** Path without the /api/v3 prefix, with the query string. */
  path: string;
  operation?: string;
  status: number;
  principal?: Principal["kind"];
  notModified: boolean;
  rateLimited: boolean;
  fault?: FakeFault["type"];
};

const ORG_ID = 900;

export class FakeGitHub {
  readonly state: FakeOrgState;
  readonly auth: FakeAuth;
  url = "";
  private server: Server | null = null;
  private seq = 0;
  private inFlight = 0;
  private log: FakeRequestLogEntry[] = [];
  private readonly faults = new FakeFaults();
  private readonly limits: FakeRateLimits;
  private readonly now: () => number;
  latencyMs: number;
  maxInFlight = 0;
  private held: Array<() => void> | null = null;
  private inFlightWaiters: Array<{ count: number; reached: () => void }> = [];

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.state = new FakeOrgState(options.org ?? "acme");
    this.auth = new FakeAuth(options.tokens ?? {}, options.app);
    this.now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.limits = new FakeRateLimits(this.now, options.rateLimit, options.graphqlRateLimit);
    for (const user of options.users ?? []) this.state.ensureUser(user);
    for (const team of options.teams ?? []) this.state.addTeam(team);
    for (const repo of options.repositories ?? []) this.state.createRepository(repo);
  }

  get graphqlUrl(): string {
    return `${this.url}/graphql`;
  }

  get webUrl(): string {
    return this.options.webBaseUrl ?? this.url;
  }

  get requests(): FakeRequestLogEntry[] {
    return [...this.log];
  }

  get requestCount(): number {
    return this.log.length;
  }

  /** Holds every request that arrives from now on, unanswered, until the returned function is called. */
  pause(): () => void {
    const held: Array<() => void> = [];
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
      for (const release of held.splice(0)) release();
    };
  }

  /** Resolves once `count` requests are being answered at the same time (held ones included). */
  whenInFlight(count: number): Promise<void> {
    if (this.inFlight >= count) return Promise.resolve();
    return new Promise((reached) => this.inFlightWaiters.push({ count, reached }));
  }

  clearRequests(): void {
    this.log = [];
    this.maxInFlight = 0;
  }

  /** Answers the next matching request (or request number `onRequest`) with a fault instead. */
  injectFault(fault: FakeFault, options: FaultOptions = {}): void {
    this.faults.inject(fault, options);
  }

  createRepository(spec: FakeRepositorySpec) {
    return this.state.createRepository(spec);
  }

  renameRepository(from: string, to: string) {
    return this.state.renameRepository(from, to);
  }

  deleteRepository(name: string): void {
    this.state.deleteRepository(name);
  }

  setArchived(name: string, archived: boolean): void {
    this.state.setArchived(name, archived);
  }

  /** Writes, or with null deletes, a file on a repository's default branch. */
  setFile(repository: string, path: string, content: FakeFile | null): void {
    this.state.setFile(repository, path, content);
  }

  addWorkflowRun(repository: string, run: FakeWorkflowRunSpec): void {
    this.state.addWorkflowRun(repository, run);
  }

  addTeam(team: FakeTeamSpec) {
    return this.state.addTeam(team);
  }

  rateLimit(resource: RateResource = "core"): RateBucket {
    return { ...this.limits.get(resource) };
  }

  setRateLimit(resource: RateResource, spec: FakeRateLimitSpec): void {
    this.limits.set(resource, spec);
  }

  async listen(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url?.startsWith("/_fake/")) {
      const answer = handleControl(
        this,
        req.method ?? "GET",
        req.url.split("?")[0] as string,
        Buffer.concat(chunks).toString("utf8"),
      );
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      return;
    }
    const seq = ++this.seq;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    for (const waiter of this.inFlightWaiters.filter((w) => this.inFlight >= w.count)) {
      this.inFlightWaiters.splice(this.inFlightWaiters.indexOf(waiter), 1);
      waiter.reached();
    }
    const held = this.held;
    if (held) await new Promise<void>((release) => held.push(release));
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url ?? "/", this.url);
    const prefix = url.pathname.startsWith("/api/v3/") ? "/api/v3" : "";
    const path = url.pathname.slice(prefix.length) || "/";
    const entry: FakeRequestLogEntry = {
      seq,
      method: req.method ?? "GET",
      path: `${path}${url.search}`,
      status: 0,
      notModified: false,
      rateLimited: false,
    };
    this.log.push(entry);
    let answer: FakeResponse | "reset";
    try {
      answer = this.process(req, path, prefix, url, Buffer.concat(chunks), entry);
    } catch (error) {
      answer = { status: 500, body: { message: `fake GitHub crashed: ${(error as Error).message}` } };
    }
    this.inFlight--;
    if (answer === "reset") {
      entry.status = 0;
      req.socket.destroy();
      return;
    }
    entry.status = answer.status;
    const body =
      answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": `FAKE:${seq.toString(16).toUpperCase()}:${randomUUID().slice(0, 8)}`,
      "x-github-api-version-selected": "2022-11-28",
      "access-control-expose-headers":
        "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset",
      ...answer.headers,
    });
    res.end(answer.status === 304 ? undefined : body);
  }

  private process(
    req: IncomingMessage,
    path: string,
    prefix: string,
    url: URL,
    raw: Buffer,
    entry: FakeRequestLogEntry,
  ): FakeResponse | "reset" {
    const isGraphql = (path === "/graphql" || url.pathname === "/api/graphql") && req.method === "POST";
    if (url.pathname === "/api/graphql") entry.path = "/graphql";
    let body: unknown;
    if (isGraphql) {
      try {
        body = JSON.parse(raw.toString("utf8"));
        entry.operation = /\b(?:query|mutation)\s+(\w+)/.exec(String((body as { query?: unknown }).query))?.[1];
      } catch {
        return { status: 400, body: { message: "Problems parsing JSON" } };
      }
    }

    const fault = this.faults.take(entry.seq, entry.path);
    if (fault) {
      entry.fault = fault.type;
      return faultResponse(fault, this.limits.headers("core")) ?? "reset";
    }

    const auth = this.auth.authenticate(req.headers.authorization);
    if (auth === null)
      return {
        status: 401,
        body: { message: "Requires authentication", documentation_url: "https://docs.github.com/rest", status: "401" },
      };
    if (!auth.ok)
      return {
        status: 401,
        body: { message: auth.message, documentation_url: "https://docs.github.com/rest", status: "401" },
      };
    const principal = auth.principal;
    entry.principal = principal.kind;

    const resource: RateResource = isGraphql ? "graphql" : "core";
    // App-JWT requests draw on the app's own budget, which the fake does not model.
    const charged = principal.kind !== "app";
    const bucket = this.limits.get(resource);
    if (charged && bucket.remaining <= 0) {
      entry.rateLimited = true;
      return this.limits.exceeded(resource, principal);
    }

    const urls: Urls = { api: `${this.url}${prefix}`, web: this.webUrl };
    const answer = isGraphql
      ? answerGraphql(
          {
            principal,
            state: this.state,
            urls,
            blobTextLimitBytes: this.options.blobTextLimitBytes ?? 512 * 1024,
            rateLimit: () => ({
              limit: bucket.limit,
              remaining: Math.max(0, bucket.remaining - 1),
              resetAt: bucket.resetAt,
            }),
          },
          body,
        )
      : this.rest(req, path, prefix, url, principal, urls, raw);

    const headers: Record<string, string> = { ...answer.headers, date: new Date().toUTCString() };
    if (req.method === "GET" && answer.status === 200) {
      const etag = `"${createHash("sha1").update(JSON.stringify(answer.body)).digest("hex")}"`;
      headers.etag = etag;
      if (req.headers["if-none-match"] === etag) {
        // Conditional requests answered 304 cost no rate limit.
        entry.notModified = true;
        return { status: 304, headers: { ...headers, ...(charged ? this.limits.headers(resource) : {}) } };
      }
    }
    if (charged && !answer.free) this.limits.charge(resource);
    return { ...answer, headers: { ...headers, ...(charged ? this.limits.headers(resource) : {}) } };
  }

  private rest(
    req: IncomingMessage,
    path: string,
    prefix: string,
    url: URL,
    principal: Principal,
    urls: Urls,
    raw: Buffer,
  ): FakeResponse {
    if (!["GET", "POST", "PUT"].includes(req.method ?? "")) return notFound();
    let body: unknown;
    if (raw.byteLength > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return {
          status: 400,
          body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/rest" },
        };
      }
    }
    const ctx = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      principal,
      state: this.state,
      auth: this.auth,
      urls,
      linkBase: `${this.url}${prefix}`,
      orgId: ORG_ID,
      rateLimits: () => this.limits.overview(),
      body,
    };
    return routeRestWrite(ctx) ?? routeRest(ctx);
  }
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. Close it in afterEach/afterAll. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).listen();
}
