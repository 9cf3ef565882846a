import { test, expect } from "@playwright/test";
import { createHmac, randomUUID } from "node:crypto";
import { createOrg, newUserPage, uid } from "./helpers";

// Runs against the fake GitHub process (playwright.config.ts, scenario "onboarding": org
// acme with 7 repositories) and the real worker.
const FAKE = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 4010}`;

const webFrontendYaml = (description: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web-frontend
  description: ${description}
  annotations:
    github.com/project-slug: acme/web-frontend
spec:
  type: service
  lifecycle: production
  owner: group:default/web
  dependsOn: [component:default/payments-api]
  consumesApis: [payments]
`;

test("onboarding with GitHub: connect, test, dry run, first sync, CI/CD tab, and a webhook push", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await newUserPage(browser, `gh-${uid()}@example.test`);
  const slug = await createOrg(page, `Acme ${uid()}`);
  await expect(page.getByRole("heading", { name: "Connect GitHub" })).toBeVisible();

  // Connect with a token; a wrong one is explained, the right one shows what it sees.
  await page.getByLabel("Fine-grained personal access token").check();
  await page.getByLabel("Organization or user on GitHub").fill("acme");
  await page.getByLabel("API base URL").fill(FAKE);
  await page.getByLabel("Token", { exact: true }).fill("github_pat_wrong");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /credentials|token/i })).toBeVisible();
  await page.getByLabel("Token", { exact: true }).fill("github_pat_e2e");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-ok")).toContainText("7 repositories visible");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connected to GitHub (acme)")).toBeVisible();

  // Dry run: the broken file with its lines, and the repositories without a catalog file.
  await page.getByRole("button", { name: "Run dry run" }).click();
  const report = page.getByTestId("dry-run-report");
  await expect(report).toContainText("7 repositories");
  const failing = page.getByRole("list", { name: "Failing catalog files" });
  await expect(failing).toContainText("acme/broken-service/catalog-info.yaml");
  await expect(failing).toContainText("line 4:");
  await expect(failing).toContainText("metadata.name");
  await report.getByText(/Repositories without a catalog file/).click();
  await expect(page.getByRole("list", { name: "Repositories without a catalog file" })).toContainText(
    "acme/legacy-tool",
  );

  // First sync, run by the worker.
  await page.getByRole("button", { name: "Start first sync" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Sync finished.", { timeout: 60_000 });
  // The first successful sync settles the wizard's GitHub step.
  await expect(page.getByTestId("step-status-github")).toHaveText("Done");
  await page.getByRole("link", { name: "Open the catalog →" }).click();
  await expect(page.locator("tbody tr[data-ref='component:default/payments-api']")).toBeVisible();
  await expect(page.locator("tbody tr[data-ref='component:default/docs-site']")).toBeVisible();

  // The CI/CD tab shows the repository's workflow runs.
  await page.goto(`/${slug}/catalog/component/default/payments-api?tab=cicd`);
  await expect(page.getByTestId("workflow-run")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "CI" })).toBeVisible();
  await expect(page.getByTestId("run-status").filter({ hasText: "failure" })).toBeVisible();

  // The entity page names its file as owner/repo/path, links to it on GitHub, and re-reads it on Refresh.
  await expect(page.getByTestId("entity-origin")).toHaveText("acme/payments-api/catalog-info.yaml");
  await expect(page.getByRole("link", { name: /^View source/ })).toHaveAttribute(
    "href",
    /\/acme\/payments-api\/blob\/[^/]+\/catalog-info\.yaml$/,
  );
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveAttribute(
    "href",
    /\/acme\/payments-api\/edit\/[^/]+\/catalog-info\.yaml$/,
  );
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText("Re-reading acme/payments-api/catalog-info.yaml from GitHub now")).toBeVisible();

  // A signed push webhook updates an entity without waiting for the schedule.
  await page.goto(`/${slug}/integrations`);
  await page.getByRole("button", { name: "Edit" }).click();
  const webhookUrl = await page.getByLabel("Webhook URL").inputValue();
  await page.getByRole("button", { name: "Show webhook secret" }).click();
  const secret = await page.getByLabel("Webhook secret").inputValue();
  expect(secret.length).toBeGreaterThan(16);

  const changed = await fetch(`${FAKE}/_fake/mutate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      op: "setFile",
      args: ["web-frontend", "catalog-info.yaml", webFrontendYaml(`Updated by push ${uid()}`)],
    }),
  });
  expect(changed.ok).toBe(true);
  const repository = await (
    await fetch(`${FAKE}/repos/acme/web-frontend`, { headers: { authorization: "token github_pat_e2e" } })
  ).json();
  const payload = JSON.stringify({
    ref: "refs/heads/main",
    repository,
    commits: [{ id: "c1", added: [], removed: [], modified: ["catalog-info.yaml"] }],
    head_commit: { id: "c1", added: [], removed: [], modified: ["catalog-info.yaml"] },
  });
  const send = (signature: string) =>
    fetch(new URL(new URL(webhookUrl).pathname, baseURL), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signature,
      },
      body: payload,
    });
  const forged = await send(`sha256=${createHmac("sha256", "not-the-secret").update(payload).digest("hex")}`);
  expect(forged.status).toBe(401);
  const accepted = await send(`sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`);
  expect(accepted.status).toBe(202);

  await expect(async () => {
    await page.goto(`/${slug}/catalog/component/default/web-frontend`);
    await expect(page.getByText(/Updated by push/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await context.close();
});
