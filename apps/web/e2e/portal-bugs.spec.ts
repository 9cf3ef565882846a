import { test, expect, type Page } from "@playwright/test";
import { createOrg, newUserPage, uid } from "./helpers";

const FAKE = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 4010}`;

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
const resource = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
spec:
  type: database
  owner: team-a
`;

async function check(page: Page, ...docs: string[]) {
  await page.getByLabel("catalog-info.yaml").fill(docs.join("---\n"));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("import-report")).toBeVisible();
}

async function importChecked(page: Page) {
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Import complete.")).toBeVisible();
}

test("two unrelated pastes in Register orphan nothing; a paste that drops an entity says so and asks first", async ({
  browser,
}) => {
  const { page, context } = await newUserPage(browser, `reg-${uid()}@example.test`);
  const slug = await createOrg(page, `Register ${uid()}`);
  await page.goto(`/${slug}/catalog/register`);

  await check(page, component("alpha"), resource("alpha-db"));
  await expect(page.getByTestId("import-source")).toHaveText("paste/component/default/alpha");
  await importChecked(page);

  await check(page, component("beta"));
  await expect(page.getByTestId("import-source")).toHaveText("paste/component/default/beta");
  await expect(page.getByTestId("orphan-warning")).toHaveCount(0);
  await importChecked(page);

  await page.goto(`/${slug}/catalog?kind=all`);
  await expect(page.getByTestId("catalog-total")).toHaveText("3 entities");
  // The home says what the catalog holds instead of asking to connect GitHub to fill it.
  await page.goto(`/${slug}`);
  await expect(page.getByTestId("portal-status")).toContainText("The catalog holds 3 entities.");
  await expect(page.getByTestId("checklist-invite")).toHaveText("To do");

  // The first file again, without its database: its source is found, and the loss is spelled out.
  await page.goto(`/${slug}/catalog/register`);
  await check(page, component("alpha"));
  await expect(page.getByTestId("import-source")).toHaveText("paste/component/default/alpha");
  await expect(page.getByTestId("orphan-warning")).toHaveText("This will orphan 1 entity: resource:default/alpha-db.");
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  await expect(importButton).toBeDisabled();
  await page.getByLabel("Orphan this entity when importing").check();
  await expect(importButton).toBeEnabled();

  // Nothing valid: nothing to import.
  await check(page, component("Not A Valid Name!"));
  await expect(page.getByTestId("import-blocker")).toContainText("Nothing valid to import");
  await expect(importButton).toBeDisabled();
  await context.close();
});

test("a token that fails its test is not saved or shown as connected, and can be changed in the wizard", async ({
  browser,
}) => {
  const { page, context } = await newUserPage(browser, `tok-${uid()}@example.test`);
  const slug = await createOrg(page, `Token ${uid()}`);
  await page.getByLabel("Fine-grained personal access token").check();
  await page.getByLabel("Organization or user on GitHub").fill("acme");
  await page.getByLabel("API base URL").fill(FAKE);
  await page.getByLabel("Token", { exact: true }).fill("github_pat_wrong");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Not saved: the connection test failed/ })).toBeVisible();
  await expect(page.getByText(/Connected to GitHub/)).toHaveCount(0);
  await page.goto(`/${slug}/integrations`);
  await expect(page.getByText("Nothing connected yet")).toBeVisible();

  // The refusal goes away with the wrong token; the right one connects.
  await page.goto(`/${slug}/onboarding?step=github`);
  await page.getByLabel("Fine-grained personal access token").check();
  await page.getByLabel("Organization or user on GitHub").fill("acme");
  await page.getByLabel("API base URL").fill(FAKE);
  await page.getByLabel("Token", { exact: true }).fill("github_pat_wrong");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Not saved/ })).toBeVisible();
  await page.getByLabel("Token", { exact: true }).fill("github_pat_e2e");
  await expect(page.getByRole("alert").filter({ hasText: /^Not saved/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connected to GitHub (acme)")).toBeVisible();

  // The wizard lets the credentials be changed; a wrong new token is refused and the old one kept.
  await page.getByRole("button", { name: "Change credentials or settings" }).click();
  await page.getByLabel("Token", { exact: true }).fill("github_pat_revoked");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Not saved/ })).toBeVisible();
  await page.goto(`/${slug}/integrations`);
  await expect(page.getByTestId("integration-status-dot")).toHaveAttribute("data-status", "connected");
  await context.close();
});

test("a member opening an admin page is told it is for admins, not that they are not a member", async ({ browser }) => {
  const id = uid();
  const owner = await newUserPage(browser, `own-${id}@example.test`);
  const slug = await createOrg(owner.page, `Admins ${id}`);
  await owner.page.goto(`/${slug}/members`);
  const memberEmail = `mem-${id}@example.test`;
  await owner.page.getByLabel("Email").fill(memberEmail);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await owner.page.getByRole("button", { name: "Invite" }).click();
  const link = await owner.page.getByTestId("invitation-link").inputValue();
  await owner.page.goto(`/${slug}`);
  await expect(owner.page.getByTestId("checklist-invite")).toHaveText("Done");

  const member = await newUserPage(browser, memberEmail);
  await member.page.goto(link);
  await member.page.getByRole("button", { name: "Accept invitation" }).click();
  await member.page.waitForURL(`/${slug}`);
  for (const path of ["integrations", "catalog/register", "audit"]) {
    // The status is left as it was (notFound() after the org layout has streamed).
    await member.page.goto(`/${slug}/${path}`);
    await expect(member.page.getByTestId("admin-only")).toContainText(`This page is for admins of Admins ${id}`);
    await expect(member.page.getByText(/not a member/)).toHaveCount(0);
  }
  await owner.context.close();
  await member.context.close();
});
