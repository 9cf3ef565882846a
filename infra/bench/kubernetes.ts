// `npm run bench -- kubernetes [--clusters N] [--pods N] [--entities N] [--latency MS] [--json]`
// Defaults are the issue's: 10 clusters × 5,000 pods, 1,000 matched entities, 50 ms latency.
// Every cluster syncs at once, each driven step by step in this process (the steps the
// worker runs, without the queue), against a Kubernetes-shaped fake; then the entity
// Kubernetes tab's service (what its tRPC procedure calls) is timed on random entities.
import { randomBytes } from "node:crypto";
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
import { createDatabase } from "@stagedoor/db";
import { createBenchDatabase } from "./bench-db";

type Options = { clusters: number; pods: number; entities: number; latency: number; json: boolean };

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
  const deps: IntegrationDeps = {
    secrets: createSecretBox(parseKeyring(`k1:${randomBytes(32).toString("base64")}`)),
    allowPrivateNetworks: true,
    queue: noQueue,
  };
  try {
    const user = await db.admin.user.create({ data: { email: "bench@example.test", name: "Bench" } });
    const org = await db.admin.organization.create({ data: { slug: "bench", name: "Bench" } });
    await db.admin.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
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
    const t0 = performance.now();
    const perCluster = await Promise.all(
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
      `\nfull sync of all clusters: ${syncSeconds.toFixed(2)} s (slowest cluster ${Math.max(...perCluster.map((p) => p.seconds)).toFixed(2)} s, ${perCluster[0]?.steps} steps each)`,
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
    await db.disconnect();
    await bench.drop();
    await Promise.all(fakes.map((f) => f.close()));
  }
}
