import type { RequestContext, SecurityAuthentication } from "@kubernetes/client-node";
import { createGuardedDispatcher, withDispatcher, type OutboundGuardOptions } from "../net/guarded-fetch";
import type { ResourceName } from "./shapes";

type ClientNode = typeof import("./client-node");

// client-node (its generated API classes and models) costs a process about 120 MB resident,
// more than any other module: loaded on first use, so processes that never talk to a
// cluster (a cost import, most of the web app) do not pay for it.
let clientNode: ClientNode | null = null;

/** @kubernetes/client-node, imported once, when something first needs it. */
export async function loadClientNode(): Promise<ClientNode> {
  clientNode ??= await import("./client-node");
  return clientNode;
}

/** How Stagedoor reaches one cluster: its API server, the CA it trusts, and one credential. */
export type ClusterConnection = {
  server: string;
  /** PEM; without it the system's trusted CAs are used. */
  caData?: string | null;
  auth: { type: "token"; token: string } | { type: "client-cert"; certData: string; keyData: string };
};

export type KubernetesClientOptions = {
  outbound?: OutboundGuardOptions;
  /** Per request (default 15 s): a cluster that stops answering fails the step, it does not hang it. */
  timeoutMs?: number;
};

export type ListPage<T> = { items: T[]; continueToken: string | null; resourceVersion: string | null };
export type ListQuery = {
  namespace?: string | null;
  labelSelector?: string;
  limit?: number;
  continueToken?: string | null;
};

export type KubernetesClient = {
  version(): Promise<{ gitVersion: string }>;
  list(resource: ResourceName, query: ListQuery): Promise<ListPage<unknown>>;
  /** Requests sent since the client was opened (the sync reports them per run). */
  requests(): number;
};

type Params = { labelSelector?: string; limit?: number; _continue?: string };
type ListResult = { items: unknown[]; metadata?: { _continue?: string; resourceVersion?: string } };
type Lister = {
  all: (p: Params) => Promise<ListResult>;
  namespaced: (p: Params & { namespace: string }) => Promise<ListResult>;
};

/**
 * A client for one cluster on @kubernetes/client-node's generated APIs, with its HTTP layer
 * replaced: every request goes through the guarded dispatcher (connect-time address check,
 * the cluster's CA and client certificate), with a timeout. The bearer token is added by our
 * own auth method, so client-node's kubeconfig machinery (exec plugins, files) is never used.
 */
export function openKubernetesClient(
  connection: ClusterConnection,
  options: KubernetesClientOptions = {},
): KubernetesClient {
  const tls = {
    ...(connection.caData ? { ca: connection.caData } : {}),
    ...(connection.auth.type === "client-cert" ? { cert: connection.auth.certData, key: connection.auth.keyData } : {}),
  };
  const dispatcher = createGuardedDispatcher({ ...options.outbound, tls });
  const timeoutMs = options.timeoutMs ?? 15_000;
  let requests = 0;
  // client-node's API objects for this cluster, built when the first request needs them.
  const open = ({
    AppsV1Api,
    AutoscalingV2Api,
    BatchV1Api,
    CoreV1Api,
    createConfiguration,
    NetworkingV1Api,
    ResponseContext,
    ServerConfiguration,
    VersionApi,
    wrapHttpLibrary,
  }: ClientNode) => {
    const httpApi = wrapHttpLibrary({
      async send(request: RequestContext) {
        requests++;
        const signal = AbortSignal.timeout(timeoutMs);
        const response = await fetch(
          request.getUrl(),
          withDispatcher(
            {
              method: request.getHttpMethod().toString(),
              headers: request.getHeaders(),
              body: request.getBody() as RequestInit["body"],
              signal,
            },
            dispatcher,
          ),
        );
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        const text = await response.text();
        return new ResponseContext(response.status, headers, {
          text: async () => text,
          binary: async () => Buffer.from(text),
          stream: () => null,
        });
      },
    });
    const auth: SecurityAuthentication = {
      getName: () => "stagedoor",
      applySecurityAuthentication: async (context) => {
        if (connection.auth.type === "token")
          context.setHeaderParam("Authorization", `Bearer ${connection.auth.token}`);
      },
    };
    const configuration = createConfiguration({
      baseServer: new ServerConfiguration(connection.server.replace(/\/+$/, ""), {}),
      authMethods: { default: auth },
      httpApi,
    });
    const core = new CoreV1Api(configuration);
    const apps = new AppsV1Api(configuration);
    const autoscaling = new AutoscalingV2Api(configuration);
    const batch = new BatchV1Api(configuration);
    const networking = new NetworkingV1Api(configuration);
    const version = new VersionApi(configuration);

    const listers: Record<ResourceName, Lister> = {
      pods: { all: (p) => core.listPodForAllNamespaces(p), namespaced: (p) => core.listNamespacedPod(p) },
      services: { all: (p) => core.listServiceForAllNamespaces(p), namespaced: (p) => core.listNamespacedService(p) },
      deployments: {
        all: (p) => apps.listDeploymentForAllNamespaces(p),
        namespaced: (p) => apps.listNamespacedDeployment(p),
      },
      replicasets: {
        all: (p) => apps.listReplicaSetForAllNamespaces(p),
        namespaced: (p) => apps.listNamespacedReplicaSet(p),
      },
      statefulsets: {
        all: (p) => apps.listStatefulSetForAllNamespaces(p),
        namespaced: (p) => apps.listNamespacedStatefulSet(p),
      },
      daemonsets: {
        all: (p) => apps.listDaemonSetForAllNamespaces(p),
        namespaced: (p) => apps.listNamespacedDaemonSet(p),
      },
      horizontalpodautoscalers: {
        all: (p) => autoscaling.listHorizontalPodAutoscalerForAllNamespaces(p),
        namespaced: (p) => autoscaling.listNamespacedHorizontalPodAutoscaler(p),
      },
      ingresses: {
        all: (p) => networking.listIngressForAllNamespaces(p),
        namespaced: (p) => networking.listNamespacedIngress(p),
      },
      jobs: { all: (p) => batch.listJobForAllNamespaces(p), namespaced: (p) => batch.listNamespacedJob(p) },
      cronjobs: { all: (p) => batch.listCronJobForAllNamespaces(p), namespaced: (p) => batch.listNamespacedCronJob(p) },
    };
    return { version, listers };
  };
  let apis: Promise<ReturnType<typeof open>> | null = null;
  const api = () => (apis ??= loadClientNode().then(open));

  return {
    requests: () => requests,
    async version() {
      const info = await (await api()).version.getCode();
      return { gitVersion: info.gitVersion };
    },
    async list(resource, query) {
      const params: Params = {
        ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.continueToken ? { _continue: query.continueToken } : {}),
      };
      const lister = (await api()).listers[resource];
      const result = query.namespace
        ? await lister.namespaced({ ...params, namespace: query.namespace })
        : await lister.all(params);
      return {
        items: result.items,
        continueToken: result.metadata?._continue || null,
        resourceVersion: result.metadata?.resourceVersion ?? null,
      };
    },
  };
}

/** A Kubernetes Status object from an error's body, when the server sent one. */
export function statusOf(error: unknown): { code: number; reason?: string; message?: string } | null {
  // Only client-node throws its ApiException: before it is loaded, nothing is one.
  if (!clientNode || !(error instanceof clientNode.ApiException)) return null;
  let body: unknown = error.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  const status = (body ?? {}) as { reason?: string; message?: string };
  return {
    code: error.code,
    ...(status.reason ? { reason: status.reason } : {}),
    ...(status.message ? { message: status.message } : {}),
  };
}
