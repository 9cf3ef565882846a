import { parseArgs } from "node:util";
import { startFakeKubernetes } from "./fake-kubernetes";

/**
 * Runs a Kubernetes-shaped API server as its own process (a Playwright webServer):
 *   npx tsx packages/connectors/src/testing/serve-fake-kubernetes.ts --port 4020 --token k8s-e2e
 * It serves one app, "checkout" (label backstage.io/kubernetes-id=checkout, namespace shop):
 * a Deployment whose first pod is in CrashLoopBackOff after exiting with code 1.
 */
const { values } = parseArgs({
  options: { port: { type: "string", default: "4020" }, token: { type: "string", default: "k8s-e2e" } },
});
const fake = await startFakeKubernetes({ token: values.token, port: Number(values.port) });
const labels = { "backstage.io/kubernetes-id": "checkout", app: "checkout" };
fake.add("deployments", {
  metadata: { name: "checkout", namespace: "shop", labels },
  spec: { replicas: 2 },
  status: { readyReplicas: 1 },
});
fake.add("replicasets", {
  metadata: {
    name: "checkout-7d9f",
    namespace: "shop",
    labels,
    ownerReferences: [{ kind: "Deployment", name: "checkout" }],
  },
});
for (const [i, crash] of [true, false].entries()) {
  fake.add("pods", {
    metadata: {
      name: `checkout-7d9f-${i}`,
      namespace: "shop",
      labels,
      ownerReferences: [{ kind: "ReplicaSet", name: "checkout-7d9f" }],
      creationTimestamp: new Date(Date.now() - 3 * 3600_000).toISOString(),
    },
    status: {
      phase: "Running",
      containerStatuses: [
        crash
          ? {
              name: "app",
              image: "shop/checkout:2.1",
              ready: false,
              restartCount: 6,
              state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 2m40s restarting failed container" } },
              lastState: { terminated: { reason: "Error", exitCode: 1 } },
            }
          : { name: "app", image: "shop/checkout:2.1", ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  });
}
console.log(`fake Kubernetes at ${fake.url}`);
