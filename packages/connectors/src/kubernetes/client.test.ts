import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeKubernetes, type FakeKubernetes } from "../testing/fake-kubernetes";
import { loadClientNode, openKubernetesClient, type ClusterConnection } from "./client";
import { clusterProblem } from "./connection-problem";
import { buildEntityState } from "./entity-state";
import { listByIds, listMatched } from "./fetch-workloads";
import { readKubeconfig } from "./kubeconfig";
import { testClusterConnection } from "./test-connection";

// client-node loads on first use (hundreds of modules): here, not in the first test's time.
beforeAll(() => loadClientNode(), 60_000);

const fakes: FakeKubernetes[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const local = { outbound: { allowPrivateNetworks: true } };

async function cluster(options: Partial<Parameters<typeof startFakeKubernetes>[0]> = {}) {
  const fake = await startFakeKubernetes({ token: "good", ...options });
  fakes.push(fake);
  const connection: ClusterConnection = { server: fake.url, auth: { type: "token", token: "good" } };
  return { fake, connection };
}

function addApp(fake: FakeKubernetes, id: string, namespace: string, pods: number, crash = false) {
  const labels = { "backstage.io/kubernetes-id": id, app: id };
  fake.add("deployments", {
    metadata: { name: id, namespace, labels },
    spec: { replicas: pods },
    status: { readyReplicas: pods },
  });
  fake.add("replicasets", {
    metadata: { name: `${id}-5d8f`, namespace, labels, ownerReferences: [{ kind: "Deployment", name: id }] },
  });
  for (let i = 0; i < pods; i++) {
    fake.add("pods", {
      metadata: {
        name: `${id}-5d8f-${i}`,
        namespace,
        labels,
        ownerReferences: [{ kind: "ReplicaSet", name: `${id}-5d8f` }],
        creationTimestamp: "2026-11-20T10:00:00Z",
      },
      spec: { containers: [{ name: "app", image: `${id}:1` }] },
      status: {
        phase: "Running",
        containerStatuses: [
          crash && i === 0
            ? {
                name: "app",
                image: `${id}:1`,
                ready: false,
                restartCount: 9,
                state: { waiting: { reason: "CrashLoopBackOff" } },
                lastState: { terminated: { reason: "Error", exitCode: 3 } },
              }
            : { name: "app", image: `${id}:1`, ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    });
  }
}

describe("Kubernetes client over client-node and the guarded dispatcher", () => {
  it("lists by label selector in continue pages and groups objects by kubernetes-id", async () => {
    const { fake, connection } = await cluster();
    addApp(fake, "checkout", "shop", 7, true);
    addApp(fake, "payments", "shop", 3);
    addApp(fake, "unrelated", "other", 40);
    const client = openKubernetesClient(connection, local);
    const byId = await listByIds(client, ["checkout", "payments"], null, 4);
    expect(byId.get("checkout")?.pods).toHaveLength(7);
    expect(byId.get("payments")?.pods).toHaveLength(3);
    // 10 pods matched in pages of 4: three pod requests, one for each other resource.
    expect(fake.requests.filter((p) => p === "/api/v1/pods")).toHaveLength(3);
    expect(client.requests()).toBe(12);

    const state = buildEntityState(byId.get("checkout") ?? {});
    expect(state.workloads).toHaveLength(1);
    expect(state.workloads[0]).toMatchObject({
      kind: "Deployment",
      name: "checkout",
      replicas: { ready: 7, desired: 7 },
    });
    expect(state.workloads[0]?.pods).toHaveLength(7);
    expect(state.workloads[0]?.pods[0]).toMatchObject({
      status: "CrashLoopBackOff",
      restarts: 9,
      images: ["checkout:1"],
    });
    expect(state.problems.map((p) => p.type)).toEqual(["CrashLoopBackOff"]);
    expect(state.health).toBe("error");
  });

  it("narrows to a namespace and a custom selector", async () => {
    const { fake, connection } = await cluster();
    addApp(fake, "checkout", "shop", 2);
    addApp(fake, "checkout", "staging", 1);
    const client = openKubernetesClient(connection, local);
    const objects = await listMatched(client, { namespace: "staging", labelSelector: "app=checkout" });
    expect(objects.pods?.map((p) => (p as { metadata: { name: string } }).metadata.name)).toEqual(["checkout-5d8f-0"]);
    expect(fake.requests).toContain("/api/v1/namespaces/staging/pods");
  });

  it("tests a connection: version and listable resources, or 401, or 403 naming verb and resource", async () => {
    const { connection } = await cluster({ forbidden: ["horizontalpodautoscalers"] });
    const ok = await testClusterConnection(connection, local);
    expect(ok).toMatchObject({ ok: true, serverVersion: "v1.31.2", missing: ["horizontalpodautoscalers"] });
    const hpa = ok.ok ? ok.resources.find((r) => r.resource === "horizontalpodautoscalers") : null;
    expect(hpa?.problem).toContain('cannot list resource "horizontalpodautoscalers" in API group "autoscaling"');

    const bad = await testClusterConnection({ ...connection, auth: { type: "token", token: "wrong" } }, local);
    expect(bad).toMatchObject({ ok: false, code: "unauthorized" });
  });

  it("names an unreachable server, a timeout, and a refused private address", async () => {
    const { fake, connection } = await cluster();
    await fake.close();
    fakes.splice(0);
    expect(await testClusterConnection(connection, local)).toMatchObject({ ok: false, code: "unreachable" });

    const hanging = await cluster();
    hanging.fake.hang("pods");
    const client = openKubernetesClient(hanging.connection, { ...local, timeoutMs: 200 });
    const error = await client.list("pods", {}).catch((e: unknown) => e);
    expect(clusterProblem(error, hanging.connection.server).code).toBe("timeout");

    const guarded = await testClusterConnection(hanging.connection, { outbound: { allowPrivateNetworks: false } });
    expect(guarded).toMatchObject({ ok: false, code: "non-public-address" });
    expect(hanging.fake.requests).not.toContain("/version");
  });

  it("fails mid-list when the cluster disappears", async () => {
    const { fake, connection } = await cluster();
    addApp(fake, "checkout", "shop", 10);
    fake.disappearAfter(3);
    const client = openKubernetesClient(connection, local);
    const error = await listByIds(client, ["checkout"], null, 2).catch((e: unknown) => e);
    expect(clusterProblem(error, connection.server).code).toBe("unreachable");
  });
});

describe("kubeconfig upload", () => {
  const kubeconfig = (user: string) => `
apiVersion: v1
kind: Config
current-context: prod
clusters:
  - name: prod
    cluster:
      server: https://k8s.example.com
      certificate-authority-data: ${Buffer.from("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n").toString("base64")}
contexts:
  - name: prod
    context: { cluster: prod, user: reader }
users:
  - name: reader
    user:
${user}
`;

  it("reads a token user with the inline CA", async () => {
    const result = await readKubeconfig(kubeconfig("      token: abc.def"));
    expect(result).toEqual({
      ok: true,
      context: "prod",
      connection: {
        server: "https://k8s.example.com",
        caData: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
        auth: { type: "token", token: "abc.def" },
      },
    });
  });

  it("reads a client-certificate user", async () => {
    const cert = Buffer.from("CERT").toString("base64");
    const key = Buffer.from("KEY").toString("base64");
    const result = await readKubeconfig(
      kubeconfig(`      client-certificate-data: ${cert}\n      client-key-data: ${key}`),
    );
    expect(result).toMatchObject({
      ok: true,
      connection: { auth: { type: "client-cert", certData: "CERT", keyData: "KEY" } },
    });
  });

  it("refuses exec and auth-provider plugins and file paths with the reason", async () => {
    const exec = await readKubeconfig(
      kubeconfig("      exec:\n        apiVersion: client.authentication.k8s.io/v1\n        command: aws"),
    );
    expect(exec).toEqual({
      ok: false,
      message: expect.stringContaining("exec plugin (aws), which Stagedoor does not run"),
    });
    const provider = await readKubeconfig(kubeconfig("      auth-provider:\n        name: gcp"));
    expect(provider).toEqual({ ok: false, message: expect.stringContaining("auth-provider plugin") });
    const files = await readKubeconfig(
      kubeconfig("      client-certificate: /etc/passwd\n      client-key: /etc/shadow"),
    );
    expect(files).toEqual({ ok: false, message: expect.stringContaining("points at files") });
    expect(await readKubeconfig(kubeconfig("      token: x"), "staging")).toEqual({
      ok: false,
      message: 'The kubeconfig has no context "staging"; it has "prod".',
    });
  });
});
