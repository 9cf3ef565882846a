import { test, expect } from "@playwright/test";
import { FAKE_KUBERNETES_PORT } from "../../../playwright.config";
import { createOrg, newUserPage, uid } from "./helpers";

// Runs against the fake Kubernetes process (playwright.config.ts: app "checkout" in
// namespace shop, one pod in CrashLoopBackOff) and the real worker.
const FAKE = `http://127.0.0.1:${FAKE_KUBERNETES_PORT}`;

const checkoutYaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    backstage.io/kubernetes-id: checkout
spec:
  type: service
  lifecycle: production
  owner: group:default/shop
`;

test("connect a cluster in the wizard; the entity shows its pod in CrashLoopBackOff with the explanation", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await newUserPage(browser, `k8s-${uid()}@example.test`);
  const slug = await createOrg(page, `Shop ${uid()}`);

  // The entity first, so the cluster's first sync finds it.
  await page.goto(`/${slug}/catalog/register`);
  await page.getByLabel("catalog-info.yaml").fill(checkoutYaml);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText(/^Would create 1, update 0/)).toBeVisible();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Import complete.")).toBeVisible();

  // Wizard step 2: a wrong token is explained, the right one lists the resources.
  await page.goto(`/${slug}/onboarding?step=kubernetes`);
  await expect(page.getByRole("heading", { name: "Connect Kubernetes" })).toBeVisible();
  await page.getByLabel("Cluster name").fill("prod");
  await page.getByLabel("API server URL", { exact: true }).fill(FAKE);
  await page.getByLabel("Service-account token", { exact: true }).fill("wrong-token");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("cluster-test-problem")).toContainText("401 Unauthorized");
  await page.getByLabel("Service-account token", { exact: true }).fill("k8s-e2e");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kubernetes v1.31.2" })).toContainText(
    "Every needed resource is listable.",
  );
  await page.getByText("Read-only ClusterRole and binding").click();
  await expect(page.getByLabel("ClusterRole YAML")).toContainText("kind: ClusterRole");
  await page.getByRole("button", { name: "Save cluster" }).click();
  const clusters = page.getByRole("list", { name: "Kubernetes clusters" });
  await expect(clusters).toContainText("prod");
  // Free allows one cluster: instead of "Connect another cluster", the plan that allows more.
  await expect(page.getByTestId("cluster-add-locked")).toContainText("Team plan");
  // The worker runs the first sync; it settles the wizard step.
  await expect(page.getByTestId("step-status-kubernetes")).toHaveText("Done", { timeout: 60_000 });

  // The entity's Kubernetes tab, from stored state.
  await page.goto(`/${slug}/catalog/component/default/checkout?tab=kubernetes`);
  const deployment = page.getByRole("region", { name: "Deployment checkout" });
  await expect(deployment).toContainText("1/2 ready");
  await expect(deployment.getByRole("row", { name: /checkout-7d9f-0/ })).toContainText("CrashLoopBackOff");
  const problem = page.getByRole("note", { name: "Problem: CrashLoopBackOff" });
  await expect(problem).toContainText("6 restarts");
  await expect(problem).toContainText("exit code 1");
  await expect(problem).toContainText("kubectl logs --previous");

  // The org-wide page lists it, and the catalog list carries the badge.
  await page.goto(`/${slug}/workloads`);
  await expect(page.getByRole("table", { name: "Workloads with problems" })).toContainText("CrashLoopBackOff");
  await page.goto(`/${slug}/catalog`);
  await expect(page.locator("tbody tr[data-ref='component:default/checkout']")).toContainText("K8s: Failing (1)");
  await context.close();
});
