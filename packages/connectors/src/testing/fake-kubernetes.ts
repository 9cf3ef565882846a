import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { matchesSelector, parseLabelSelector } from "../kubernetes/label-selector";
import { WORKLOAD_RESOURCES, type ResourceName } from "../kubernetes/shapes";

type AnyObject = {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; resourceVersion?: string } & Record<
    string,
    unknown
  >;
} & Record<string, unknown>;

export type FakeClusterOptions = {
  /** The bearer token it accepts; any other answers 401. */
  token: string;
  /** Resources the token may not list: 403 with the Status Kubernetes sends. */
  forbidden?: ResourceName[];
  /** Added before every answer (the benchmark's 50 ms). */
  latencyMs?: number;
  gitVersion?: string;
  /** Default: any free port. */
  port?: number;
};

export type FakeKubernetes = {
  url: string;
  /** Requests answered or refused so far, by path without the query. */
  requests: string[];
  add(resource: ResourceName, object: AnyObject): void;
  /** After `n` more requests, every connection is dropped: the cluster is gone mid-sync. */
  disappearAfter(n: number): void;
  /** Resources whose list never answers (for client timeouts). */
  hang(resource: ResourceName): void;
  close(): Promise<void>;
};

const KIND_OF = new Map<string, string>(WORKLOAD_RESOURCES.map((r) => [r.resource, r.kind]));
const GROUP_VERSION: Record<string, string> = {
  "": "v1",
  apps: "apps/v1",
  autoscaling: "autoscaling/v2",
  "networking.k8s.io": "networking.k8s.io/v1",
  batch: "batch/v1",
};

/**
 * A Kubernetes-shaped API server for tests and the benchmark: `/version`, and list calls
 * for the resources a sync reads, at cluster scope or per namespace, with the real list
 * shapes (apiVersion, `<Kind>List`, metadata.resourceVersion, `continue` pages of `limit`
 * items), label selectors, 401/403 Status objects, optional latency, hanging lists and a
 * cluster that disappears mid-sync.
 */
export async function startFakeKubernetes(options: FakeClusterOptions): Promise<FakeKubernetes> {
  const store = new Map<string, AnyObject[]>();
  const requests: string[] = [];
  const hanging = new Set<string>();
  const sockets = new Set<Socket>();
  let budget = Number.POSITIVE_INFINITY;
  let revision = 1000;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push(url.pathname);
    if (budget-- <= 0) {
      req.socket.destroy();
      return;
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return status(res, 401, "Unauthorized", "Unauthorized");
    }
    if (url.pathname === "/version") {
      const gitVersion = options.gitVersion ?? "v1.31.2";
      const [major, minor] = gitVersion.slice(1).split(".");
      return json(res, 200, { major, minor, gitVersion, platform: "linux/amd64" });
    }
    const route = parseListPath(url.pathname);
    if (!route || req.method !== "GET")
      return status(res, 404, "NotFound", "the server could not find the requested resource");
    if (hanging.has(route.resource)) return; // never answers
    if (options.forbidden?.includes(route.resource as ResourceName)) {
      const scope = route.namespace ? `in the namespace "${route.namespace}"` : "at the cluster scope";
      return status(
        res,
        403,
        "Forbidden",
        `${route.resource} is forbidden: User "system:serviceaccount:stagedoor:reader" cannot list resource "${route.resource}" in API group "${route.group}" ${scope}`,
        { group: route.group, kind: route.resource },
      );
    }
    let requirements;
    try {
      requirements = parseLabelSelector(url.searchParams.get("labelSelector") ?? "");
    } catch (error) {
      return status(res, 400, "BadRequest", (error as Error).message);
    }
    const all = (store.get(route.resource) ?? []).filter(
      (o) =>
        (!route.namespace || o.metadata.namespace === route.namespace) &&
        matchesSelector(o.metadata.labels, requirements),
    );
    const limit = Number(url.searchParams.get("limit") ?? "0");
    const token = url.searchParams.get("continue");
    const start = token ? Number(Buffer.from(token, "base64url").toString()) : 0;
    const end = limit > 0 ? Math.min(all.length, start + limit) : all.length;
    const more = end < all.length;
    return json(res, 200, {
      apiVersion: GROUP_VERSION[route.group],
      kind: `${KIND_OF.get(route.resource)}List`,
      metadata: {
        resourceVersion: String(revision),
        ...(more
          ? { continue: Buffer.from(String(end)).toString("base64url"), remainingItemCount: all.length - end }
          : {}),
      },
      items: all.slice(start, end),
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    add(resource, object) {
      const list = store.get(resource) ?? [];
      list.push({ ...object, metadata: { ...object.metadata, resourceVersion: String(++revision) } });
      store.set(resource, list);
    },
    disappearAfter(n) {
      budget = n;
    },
    hang(resource) {
      hanging.add(resource);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** `/api/v1[/namespaces/NS]/RES` and `/apis/GROUP/VERSION[/namespaces/NS]/RES`. */
function parseListPath(path: string): { group: string; namespace: string | null; resource: string } | null {
  const core = /^\/api\/v1(?:\/namespaces\/([^/]+))?\/([a-z]+)$/.exec(path);
  const named = /^\/apis\/([^/]+)\/[^/]+(?:\/namespaces\/([^/]+))?\/([a-z]+)$/.exec(path);
  const [group, namespace, resource] = core ? ["", core[1], core[2]] : named ? [named[1], named[2], named[3]] : [];
  if (resource === undefined || !KIND_OF.has(resource)) return null;
  const known = WORKLOAD_RESOURCES.find((r) => r.resource === resource);
  if (known?.group !== group) return null;
  return { group: group as string, namespace: namespace ?? null, resource };
}

function json(res: ServerResponse, code: number, body: unknown) {
  res.writeHead(code, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string, details?: Record<string, string>) {
  json(res, code, {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}
