// `npm run bench -- kubernetes [--clusters N] [--pods N] [--entities N] [--latency MS] [--org-slots N] [--concurrency N] [--in-process] [--json]`
// Defaults are the issue's: 10 clusters × 5,000 pods, 1,000 matched entities, 50 ms latency.
// Every cluster's sync is requested at once and run by the real sync worker (BullMQ on the
// local Redis, the per-org limit included; `--in-process` drives the same steps in this
// process instead), against a Kubernetes-shaped fake; then the entity
// Kubernetes tab's service (what its tRPC procedure calls) is timed on random entities.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { Redis } from "ioredis";
import { startFakeKubernetes, type FakeKubernetes } from "@stagedoor/connectors/testing";
import {
  createSecretBox,
  importCatalog,
  kubernetesForEntity,
  parseKeyring,
  requestSync,
  runClusterStep,
  saveClusterIntegration,
  type IntegrationDeps,
  type UserPrincipal,
} from "@stagedoor/core";
import { createDatabase, type TenantDb } from "@stagedoor/db";
import { createBenchDatabase } from "./bench-db";
import { startSyncWorker, type RunningSyncWorker } from "../../apps/worker/src/sync-worker";

type Options = {
  clusters: number;
  pods: number;
  entities: number;
  latency: number;
  json: boolean;
  /** Drive the steps in this process (no Redis) instead of through the queue and the worker. */
  inProcess: boolean;
  /** The worker's settings: jobs at once, and jobs of one org at once (the per-org fairness). */
  concurrency: number;
  orgSlots: number;
};

function options(args: string[]): Options {
  const num = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return {
    clusters: num("--clusters", 10),
    pods: num("--pods", 5000),
    entities: num("--entities", 1000),
    latency: num("--latency", 50),
    json: args.includes("--json"),
    inProcess: args.includes("--in-process"),
    // The worker's defaults (apps/worker/src/env.ts): WORKER_CONCURRENCY 4, SYNC_ORG_CONCURRENCY 2.
    concurrency: num("--concurrency", 4),
    orgSlots: num("--org-slots", 2),
  };
}

const TOKEN = "bench-service-account-token";

async function fillCluster(fake: FakeKubernetes, opts: Options, c: number) {
  const podsPerEntity = Math.floor(opts.pods / opts.entities);
  for (let e = 0; e < opts.entities; e++) {
    const id = `svc-${e}`;
    const labels = { "backstage.io/kubernetes-id": id, app: id };
    const ns = `team-${e % 20}`;
    fake.add("deployments", {
      metadata: { name: id, namespace: ns, labels },
      spec: { replicas: podsPerEntity },
      status: { readyReplicas: podsPerEntity },
    });
    fake.add("replicasets", {
      metadata: { name: `${id}-rs`, namespace: ns, labels, ownerReferences: [{ kind: "Deployment", name: id }] },
    });
    for (let p = 0; p < podsPerEntity; p++) {
      const crash = (e + c) % 97 === 0 && p === 0;
      fake.add("pods", {
        metadata: {
          name: `${id}-rs-${p}`,
          namespace: ns,
          labels,
          ownerReferences: [{ kind: "ReplicaSet", name: `${id}-rs` }],
          creationTimestamp: "2026-11-20T10:00:00Z",
        },
        status: {
          phase: "Running",
          containerStatuses: [
            crash
              ? {
                  name: "app",
                  image: `${id}:1`,
                  ready: false,
                  restartCount: 12,
                  state: { waiting: { reason: "CrashLoopBackOff" } },
                  lastState: { terminated: { reason: "OOMKilled", exitCode: 137 } },
                }
              : { name: "app", image: `${id}:1`, ready: true, restartCount: 0, state: { running: {} } },
          ],
        },
      });
    }
  }
}

export async function runKubernetesBench(args: string[]) {
  const opts = options(args);
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `kubernetes bench: ${opts.clusters} clusters × ${opts.pods} pods, ${opts.entities} matched entities, ${opts.latency} ms per request`,
  );
  const fakes: FakeKubernetes[] = [];
  for (let c = 0; c < opts.clusters; c++) {
    const fake = await startFakeKubernetes({ token: TOKEN, latencyMs: opts.latency });
    await fillCluster(fake, opts, c);
    fakes.push(fake);
  }
  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 10 });
  const noQueue = {
    enqueueStep: async () => {},
    enqueue: async () => {},
    upsertSchedule: async () => {},
    removeSchedule: async () => {},
  };
  const secrets = createSecretBox(parseKeyring(`k1:${randomBytes(32).toString("base64")}`));
  // Clusters are saved without a queue (saving one would start its first sync at once);
  // the measured syncs are then requested through the real queue and run by the worker.
  const deps: IntegrationDeps = { secrets, allowPrivateNetworks: true, queue: noQueue };
  const connection = opts.inProcess
    ? null
    : new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const prefix = `stagedoor-bench-k8s-${process.pid}-${randomBytes(3).toString("hex")}`;
  let worker: RunningSyncWorker | null = null;
  try {
    if (connection) {
      worker = await startSyncWorker({
        db,
        connection,
        prefix,
        concurrency: opts.concurrency,
        orgSlots: opts.orgSlots,
        secrets,
        allowPrivateNetworks: true,
        reconcile: false,
      });
    }
    say(
      worker
        ? `  through BullMQ on Redis and the sync worker: concurrency ${opts.concurrency}, ${opts.orgSlots} jobs per org at once`
        : "  steps driven in this process (--in-process): no queue, no per-org limit",
    );
    const user = await db.admin.user.create({ data: { email: "bench@example.test", name: "Bench" } });
    const org = await db.admin.organization.create({ data: { slug: "bench", name: "Bench" } });
    await db.admin.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
    // Several clusters in one org: the Free plan allows one integration of each kind.
    await db.admin.orgBilling.create({ data: { orgId: org.id, plan: "team", status: "active", memberLimit: null } });
    const actor: UserPrincipal = { type: "user", userId: user.id, email: user.email, role: "OWNER" };
    const tdb = db.forOrg(org.id);
    const docs = Array.from({ length: opts.entities }, (_, e) =>
      [
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata:",
        `  name: svc-${e}`,
        "  annotations:",
        `    backstage.io/kubernetes-id: svc-${e}`,
        "spec: { type: service, lifecycle: production, owner: team-a }",
      ].join("\n"),
    );
    await importCatalog(tdb, actor, {
      source: { type: "PUSH", key: "bench" },
      files: [{ name: "catalog-info.yaml", content: docs.join("\n---\n") }],
      dryRun: false,
    });
    const ids: string[] = [];
    for (let c = 0; c < opts.clusters; c++) {
      const { id } = await saveClusterIntegration(tdb, actor, deps, {
        name: `cluster-${c}`,
        auth: { type: "token", server: fakes[c]!.url, token: TOKEN },
      });
      ids.push(id);
    }
    const before = fakes.map((f) => f.requests.length);
    const loadBefore = loadavg()[0]!.toFixed(2);
    const t0 = performance.now();
    const perCluster = worker
      ? await syncThroughQueue(tdb, actor, worker, ids, t0)
      : await Promise.all(
          ids.map(async (id) => {
            const { syncRunId } = await requestSync(tdb, actor, deps, { id });
            let steps = 0;
            for (let step = 0; ; step++) {
              const outcome = await runClusterStep(tdb, deps, { orgId: org.id, integrationId: id, syncRunId, step });
              steps++;
              if (outcome.kind !== "continue") {
                if (outcome.kind !== "done") throw new Error(`cluster sync ${outcome.kind}`);
                break;
              }
            }
            return { steps, seconds: (performance.now() - t0) / 1000 };
          }),
        );
    const syncSeconds = (performance.now() - t0) / 1000;
    const requests = fakes.map((f, i) => f.requests.length - before[i]!);
    const states = await tdb.kubernetesEntityState.count();
    const problems = await tdb.kubernetesProblem.count({ where: { resolvedAt: null } });
    say(
      `\nfull sync of all clusters: ${syncSeconds.toFixed(2)} s (slowest cluster ${Math.max(...perCluster.map((p) => p.seconds)).toFixed(2)} s, ${perCluster[0]?.steps ?? "?"} steps each; load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after)`,
    );
    say(
      `  requests per cluster per sync: ${requests.join(", ")} (mean ${(requests.reduce((a, b) => a + b, 0) / requests.length).toFixed(1)})`,
    );
    say(`  stored: ${states} entity states, ${problems} open problems`);

    const samples: number[] = [];
    for (let i = 0; i < 500; i++) {
      const ref = `component:default/svc-${Math.floor(Math.random() * opts.entities)}`;
      const s = performance.now();
      const clusters = await kubernetesForEntity(tdb, actor, ref);
      samples.push(performance.now() - s);
      if (clusters.length !== opts.clusters) throw new Error(`${ref}: ${clusters.length} clusters`);
    }
    samples.sort((a, b) => a - b);
    const pct = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    say(
      `entity Kubernetes tab (service call, ${opts.clusters} clusters each): p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms`,
    );
    if (opts.json) {
      console.log(
        JSON.stringify(
          {
            ...opts,
            syncSeconds,
            requestsPerCluster: requests,
            stepsPerCluster: perCluster[0]?.steps,
            states,
            problems,
            tab: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
          },
          null,
          2,
        ),
      );
    }
  } finally {
    await worker?.close();
    if (connection) {
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length) await connection.del(...keys);
      connection.disconnect();
    }
    await db.disconnect();
    await bench.drop();
    await Promise.all(fakes.map((f) => f.close()));
  }
}

/** Requests every cluster's sync through the queue and waits for the worker to finish them all. */
async function syncThroughQueue(
  tdb: TenantDb,
  actor: UserPrincipal,
  worker: RunningSyncWorker,
  ids: string[],
  t0: number,
): Promise<Array<{ steps: number | null; seconds: number }>> {
  const runIds = await Promise.all(
    ids.map(async (id) => (await requestSync(tdb, actor, worker.deps, { id })).syncRunId),
  );
  const finished = new Map<string, number>();
  while (finished.size < runIds.length) {
    const runs = await tdb.syncRun.findMany({
      where: { id: { in: runIds } },
      select: { id: true, status: true, message: true },
    });
    for (const run of runs) {
      if (run.status === "failed") throw new Error(`cluster sync failed: ${run.message}`);
      if (run.status === "succeeded" && !finished.has(run.id)) finished.set(run.id, (performance.now() - t0) / 1000);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return runIds.map((id) => ({ steps: null, seconds: finished.get(id)! }));
}
