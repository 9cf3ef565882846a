import { afterEach, describe, expect, it } from "vitest";
import { startFakeKubernetes, type FakeKubernetes } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { importCatalog } from "../../../catalog/import-catalog";
import { requestSync } from "../../request-sync";
import { listIntegrations } from "../../read-integrations";
import { adminOf, recordingQueue, testDeps } from "../../testing";
import { kubernetesForEntity, kubernetesHealthForRefs, workloadsWithProblems } from "./read-state";
import { saveClusterIntegration } from "./save-cluster";
import { runClusterStep } from "./sync/run-step";
import type { KubernetesConfigView } from "./config-view";

const db = testDatabase();
const fakes: FakeKubernetes[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const TOKEN = "sa-token-0123456789";

function component(name: string, annotations: Record<string, string>) {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: "${v}"`);
  return [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Component",
    "metadata:",
    `  name: ${name}`,
    ...(lines.length ? ["  annotations:", ...lines] : []),
    "spec:",
    "  type: service",
    "  lifecycle: production",
    "  owner: team-a",
  ].join("\n");
}

async function cluster() {
  const fake = await startFakeKubernetes({ token: TOKEN });
  fakes.push(fake);
  const labels = (id: string) => ({ "backstage.io/kubernetes-id": id, app: id });
  fake.add("deployments", {
    metadata: { name: "checkout", namespace: "shop", labels: labels("checkout") },
    spec: { replicas: 2 },
    status: { readyReplicas: 1 },
  });
  fake.add("replicasets", {
    metadata: {
      name: "checkout-7d9f",
      namespace: "shop",
      labels: labels("checkout"),
      ownerReferences: [{ kind: "Deployment", name: "checkout" }],
    },
  });
  fake.add("pods", {
    metadata: {
      name: "checkout-7d9f-a",
      namespace: "shop",
      labels: labels("checkout"),
      ownerReferences: [{ kind: "ReplicaSet", name: "checkout-7d9f" }],
    },
    status: {
      phase: "Running",
      containerStatuses: [
        {
          name: "app",
          image: "shop/checkout:2.1",
          ready: false,
          restartCount: 6,
          state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 2m40s" } },
          lastState: { terminated: { reason: "Error", exitCode: 1 } },
        },
      ],
    },
  });
  fake.add("pods", {
    metadata: { name: "payments-0", namespace: "shop", labels: { app: "payments" } },
    status: {
      phase: "Running",
      containerStatuses: [
        { name: "app", image: "shop/payments:1", ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  });
  return fake;
}

async function orgWithCatalog() {
  const admin = await adminOf(db);
  const content = [
    component("checkout", { "backstage.io/kubernetes-id": "checkout" }),
    component("payments", {
      "backstage.io/kubernetes-label-selector": "app=payments",
      "backstage.io/kubernetes-namespace": "shop",
    }),
    component("docs", {}),
  ].join("\n---\n");
  await importCatalog(admin.tdb, admin.actor, {
    source: { type: "PUSH", key: "k8s-test" },
    files: [{ name: "catalog-info.yaml", content }],
    dryRun: false,
  });
  return admin;
}

async function syncToEnd(
  tdb: ReturnType<typeof db.forOrg>,
  deps: ReturnType<typeof testDeps>,
  actor: Parameters<typeof requestSync>[1],
  id: string,
) {
  const { syncRunId } = await requestSync(tdb, actor, deps, { id });
  const outcomes = [];
  for (let step = 0; step < 20; step++) {
    const outcome = await runClusterStep(tdb, deps, { orgId: tdb.orgId, integrationId: id, syncRunId, step });
    outcomes.push(outcome);
    if (outcome.kind !== "continue") break;
  }
  return { syncRunId, outcomes };
}

describe("Kubernetes cluster sync", () => {
  it("connects a cluster, syncs matched entities and serves their state, problems and health", async () => {
    const fake = await cluster();
    const deps = testDeps({ queue: recordingQueue().queue, kubernetes: { entitiesPerStep: 1 } });
    const admin = await orgWithCatalog();
    const { id } = await saveClusterIntegration(admin.tdb, admin.actor, deps, {
      name: "prod",
      auth: { type: "token", server: fake.url, token: TOKEN },
    });
    const row = await admin.tdb.integration.findUniqueOrThrow({ where: { id } });
    expect(row.credentialsCiphertext).not.toContain(TOKEN);
    expect(JSON.stringify(row.config)).not.toContain(TOKEN);
    const [view] = await listIntegrations<KubernetesConfigView>(admin.tdb, admin.actor, { provider: "kubernetes" });
    expect(view?.config).toEqual({
      provider: "kubernetes",
      server: fake.url,
      hasCa: false,
      authType: "token",
      tokenLast4: "6789",
      syncIntervalMinutes: 2,
    });
    // The GitHub list (the Integrations page's) does not include clusters.
    expect(await listIntegrations(admin.tdb, admin.actor, { provider: "github" })).toEqual([]);

    const testedWith = fake.requests.length; // the connection test before saving lists each resource once
    const { outcomes, syncRunId } = await syncToEnd(admin.tdb, deps, admin.actor, id);
    // One entity per step: checkout, payments, then an empty page, then cleanup.
    expect(outcomes.map((o) => o.kind)).toEqual(["continue", "continue", "continue", "done"]);
    const run = await admin.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(run).toMatchObject({ status: "succeeded", entitiesUpdated: 2 });
    expect(run.apiRequests).toBe(20);
    // Label selectors only: never an unfiltered list.
    expect(fake.requests.slice(testedWith).filter((p) => p.endsWith("/pods"))).toEqual([
      "/api/v1/pods",
      "/api/v1/namespaces/shop/pods",
    ]);

    const [checkout] = await kubernetesForEntity(admin.tdb, admin.actor, "component:default/checkout");
    expect(checkout).toMatchObject({ cluster: "prod", stale: false });
    expect(checkout?.state.workloads[0]).toMatchObject({
      kind: "Deployment",
      name: "checkout",
      replicas: { ready: 1, desired: 2 },
    });
    expect(checkout?.state.workloads[0]?.pods[0]).toMatchObject({
      name: "checkout-7d9f-a",
      status: "CrashLoopBackOff",
      restarts: 6,
    });
    expect(checkout?.state.problems[0]?.explanation).toContain("exit code 1");
    const [payments] = await kubernetesForEntity(admin.tdb, admin.actor, "component:default/payments");
    expect(payments?.state.workloads[0]?.pods.map((p) => p.name)).toEqual(["payments-0"]);
    expect(await kubernetesForEntity(admin.tdb, admin.actor, "component:default/docs")).toEqual([]);

    const problems = await workloadsWithProblems(admin.tdb, admin.actor);
    expect(problems).toEqual([
      expect.objectContaining({
        entityRef: "component:default/checkout",
        cluster: "prod",
        type: "CrashLoopBackOff",
        resolvedAt: null,
      }),
    ]);
    expect(
      await kubernetesHealthForRefs(admin.tdb, admin.actor, [
        "component:default/checkout",
        "component:default/payments",
      ]),
    ).toEqual(
      expect.arrayContaining([
        { ref: "component:default/checkout", health: "error", problems: 1, stale: false },
        { ref: "component:default/payments", health: "healthy", problems: 0, stale: false },
      ]),
    );

    // Another org sees none of it; the entity is not found there.
    const other = await adminOf(db);
    await expect(kubernetesForEntity(other.tdb, other.actor, "component:default/checkout")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await workloadsWithProblems(other.tdb, other.actor)).toEqual([]);
    expect(await kubernetesHealthForRefs(other.tdb, other.actor, ["component:default/checkout"])).toEqual([]);
    expect(await other.tdb.kubernetesEntityState.count()).toBe(0);
  });

  it("marks stored state stale when the cluster disappears mid-sync, and keeps it", async () => {
    const fake = await cluster();
    const deps = testDeps({ queue: recordingQueue().queue, kubernetes: { entitiesPerStep: 1 } });
    const admin = await orgWithCatalog();
    const { id } = await saveClusterIntegration(admin.tdb, admin.actor, deps, {
      name: "prod",
      auth: { type: "token", server: fake.url, token: TOKEN },
    });
    await syncToEnd(admin.tdb, deps, admin.actor, id);

    fake.disappearAfter(12); // the first entity's ten lists, then two more, then nothing
    const { outcomes } = await syncToEnd(admin.tdb, deps, admin.actor, id);
    expect(outcomes.map((o) => o.kind)).toEqual(["continue", "failed"]);
    const states = await admin.tdb.kubernetesEntityState.findMany({ orderBy: { entityRef: "asc" } });
    expect(states.map((s) => [s.entityRef, s.stale])).toEqual([
      ["component:default/checkout", true],
      ["component:default/payments", true],
    ]);
    expect(states[0]?.staleReason).toContain("cannot be reached");
    const integration = await admin.tdb.integration.findUniqueOrThrow({ where: { id } });
    expect(integration.status).toBe("error");
  });

  it("refuses to save credentials the cluster refuses, and exec kubeconfigs", async () => {
    const fake = await cluster();
    const deps = testDeps({ queue: recordingQueue().queue });
    const admin = await adminOf(db);
    await expect(
      saveClusterIntegration(admin.tdb, admin.actor, deps, {
        name: "prod",
        auth: { type: "token", server: fake.url, token: "wrong" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("401 Unauthorized") });
    const kubeconfig = [
      "apiVersion: v1",
      "current-context: c",
      "clusters: [{ name: c, cluster: { server: 'https://k8s.example.com' } }]",
      "contexts: [{ name: c, context: { cluster: c, user: u } }]",
      "users: [{ name: u, user: { exec: { apiVersion: client.authentication.k8s.io/v1, command: gke-gcloud-auth-plugin } } }]",
    ].join("\n");
    await expect(
      saveClusterIntegration(admin.tdb, admin.actor, deps, { name: "gke", auth: { type: "kubeconfig", kubeconfig } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("exec plugin (gke-gcloud-auth-plugin)") });
    expect(await admin.tdb.integration.count()).toBe(0);
  });
});
