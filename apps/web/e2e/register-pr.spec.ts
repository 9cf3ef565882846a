import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createOrg, newUserPage, uid } from "./helpers";

// Against the fake GitHub process (playwright.config.ts, scenario "onboarding"): acme/legacy-tool
// has no catalog file and a CODEOWNERS naming @acme/platform. The write token may open pull
// requests; the branch it makes lives only on the fake, so this spec opens the one pull request
// legacy-tool can take per run.
const FAKE = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 4010}`;

test("Register by URL: a repository without a catalog file gets a pull request adding a generated one", async ({
  browser,
}) => {
  const { page, context } = await newUserPage(browser, `pr-${uid()}@example.test`);
  const slug = await createOrg(page, `PR ${uid()}`);
  await page.getByLabel("Fine-grained personal access token").check();
  await page.getByLabel("Organization or user on GitHub").fill("acme");
  await page.getByLabel("API base URL").fill(FAKE);
  await page.getByLabel("Token", { exact: true }).fill("github_pat_e2e_write");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connected to GitHub (acme)")).toBeVisible();

  // A repository with a catalog file: its file is previewed, as if its URL had been entered.
  await page.goto(`/${slug}/catalog/register`);
  await page.getByLabel("File or repository URL").fill(`${FAKE}/acme/payments-api`);
  await page.getByRole("button", { name: "Preview from GitHub" }).click();
  await expect(page.getByLabel("File or repository URL")).toHaveValue(
    `${FAKE}/acme/payments-api/blob/main/catalog-info.yaml`,
  );
  await expect(page.getByRole("button", { name: "Register from GitHub" })).toBeEnabled();

  // A repository URL: no catalog file there, so the generated one is shown, owner from CODEOWNERS.
  await page.getByLabel("File or repository URL").fill(`${FAKE}/acme/legacy-tool`);
  await page.getByRole("button", { name: "Preview from GitHub" }).click();
  await expect(page.getByRole("heading", { name: "acme/legacy-tool has no catalog-info.yaml" })).toBeVisible();
  const file = page.getByLabel("catalog-info.yaml for acme/legacy-tool");
  await expect(file).toHaveValue(/name: legacy-tool/);
  await expect(file).toHaveValue(/owner: group:default\/platform/);
  await expect(page.getByText(/comes from the repository's CODEOWNERS file/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Register from GitHub" })).toBeDisabled();

  // A file that would not import is refused with the reason, beside the field.
  const generated = await file.inputValue();
  await file.fill(generated.replace("name: legacy-tool", "name: Legacy Tool!"));
  await page.getByRole("button", { name: "Open pull request" }).click();
  await expect(page.getByText(/metadata\.name/).first()).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  // Edited (another lifecycle), then sent: the pull request's link and what happens next.
  await page.getByRole("button", { name: "Reset to the generated file" }).click();
  await file.fill(generated.replace("lifecycle: unknown", "lifecycle: production"));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await page.getByRole("button", { name: "Open pull request" }).click();
  const link = page.getByRole("link", { name: "#1 in acme/legacy-tool" });
  await expect(link).toHaveAttribute("href", `${FAKE}/acme/legacy-tool/pull/1`);
  await expect(
    page.getByText("Once it is merged, the next GitHub sync adds the component to the catalog."),
  ).toBeVisible();

  // At phone width the panel still fits: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(link).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("register-pr-phone.png"), fullPage: true });

  // Asked again, the branch is there already: said plainly, nothing opened twice.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Preview from GitHub" }).click();
  await expect(page.getByRole("button", { name: "Open pull request" })).toBeVisible();
  await page.getByRole("button", { name: "Open pull request" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /branch stagedoor-catalog-info already exists/ }),
  ).toBeVisible();

  // The audit log says who opened it.
  await page.goto(`/${slug}/audit`);
  await expect(page.getByText(/opened a pull request adding catalog-info\.yaml to acme\/legacy-tool#1/)).toBeVisible();
  await context.close();
});
