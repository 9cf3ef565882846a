import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createOrg, newUserPage, setPlan, uid } from "./helpers";

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  description: Takes the money.
spec:
  type: service
  lifecycle: production
  owner: group:payments
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
spec:
  type: team
  children: []`;

async function trpc(page: Page, slug: string, path: string, json: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, {
    headers: { "x-stagedoor-org": slug, "content-type": "application/json" },
    data: { json },
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Loads the page at each width (as that device would), and collects axe's serious findings. */
async function checkAtBothWidths(page: Page, path: string, ready: (p: Page) => Promise<void>) {
  const found: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState("networkidle");
    found.push(...(await seriousViolations(page)).map((v) => `[${width}px] ${v}`));
  }
  return found;
}

const heading = (name: string | RegExp) => (p: Page) =>
  expect(p.getByRole("heading", { level: 1, name })).toBeVisible();

test("axe finds no serious or critical violations on any main page, at desktop and phone widths", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const found: string[] = [];
  found.push(...(await checkAtBothWidths(visitor, "/", heading("Backstage in a box"))));
  found.push(...(await checkAtBothWidths(visitor, "/sign-in", heading(/sign in/i))));
  await anonymous.close();

  const { page, context } = await newUserPage(browser, `a11y-${uid()}@example.test`);
  const slug = await createOrg(page, `A11y ${uid()}`);
  await trpc(page, slug, "catalog.importYaml", {
    source: "a11y",
    dryRun: false,
    files: [{ name: "catalog-info.yaml", content: CATALOG }],
  });
  const pages: Array<[string, (p: Page) => Promise<void>]> = [
    [`/${slug}`, (p) => expect(p.getByTestId("org-name")).toBeVisible()],
    [`/${slug}/catalog`, heading(/catalog/i)],
    [`/${slug}/catalog/component/default/checkout`, heading(/checkout/i)],
    [`/${slug}/catalog/register`, heading(/register/i)],
    [`/${slug}/members`, heading("Members")],
    [`/${slug}/integrations`, heading(/integrations/i)],
    [`/${slug}/audit`, (p) => expect(p.getByRole("table", { name: "Audit log entries" })).toBeVisible()],
    [`/${slug}/settings`, heading(/settings/i)],
    [`/${slug}/onboarding`, (p) => expect(p.locator("main h1").first()).toBeVisible()],
    // Premium plugins as a member without a seat sees them: what they do and how to get them.
    [`/${slug}/insights`, heading("Insights")],
    [`/${slug}/plugins/cost-insights`, heading("Cost Insights")],
  ];
  for (const [path, ready] of pages) found.push(...(await checkAtBothWidths(page, path, ready)));
  expect(found).toEqual([]);
  await context.close();
});

test("a skip link is the first stop on the keyboard and moves focus to the page's content", async ({ browser }) => {
  const { page, context } = await newUserPage(browser, `skip-${uid()}@example.test`);
  const slug = await createOrg(page, `Skip ${uid()}`);
  await page.goto(`/${slug}/members`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab lands inside the content, past the navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  await context.close();
});

test("form errors are tied to their fields", async ({ browser }) => {
  const { page, context } = await newUserPage(browser, `errors-${uid()}@example.test`);
  await page.goto("/orgs/new");
  const slug = page.getByLabel("URL");
  await slug.fill("a");
  // The slug is checked by the server after a pause in typing: wait for the error itself to
  // become the field's description (reading aria-describedby at once got the hint's id, and
  // the hint is gone by the time the error shows).
  await expect(slug).toHaveAccessibleDescription(/at least 3 characters/);
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("the audit log says events in words, filters in the URL, shows details and exports CSV for admins only", async ({
  browser,
}) => {
  const ownerEmail = `audit-${uid()}@example.test`;
  const { page, context } = await newUserPage(browser, ownerEmail);
  const slug = await createOrg(page, `Audit ${uid()}`);
  const bob = `bob-${uid()}@example.test`;
  // Free: the export button shows the plan that unlocks it, and the route refuses with 403.
  await page.goto(`/${slug}/audit`);
  await expect(page.getByTestId("audit-export-locked")).toContainText("Enterprise");
  const locked = await page.request.get(`/${slug}/audit/export`);
  expect(locked.status()).toBe(403);
  expect(await locked.text()).toContain("Enterprise plan");
  await setPlan(slug, "enterprise");
  await trpc(page, slug, "members.invite", { email: bob, role: "MEMBER" });

  await page.goto(`/${slug}/audit`);
  const entries = page.getByRole("table", { name: "Audit log entries" });
  await expect(entries.getByText(`${ownerEmail} invited ${bob} as member`)).toBeVisible();
  await expect(entries.getByText(/created the organization/)).toBeVisible();

  await page.getByLabel("What").selectOption({ label: "Member invited" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=member\.invited/);
  await expect(entries.locator("tbody tr")).toHaveCount(1);
  await entries.getByText("Details").click();
  await expect(entries.getByText('"role": "MEMBER"')).toBeVisible();

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe(`/${slug}/audit/export?action=member.invited`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("time,actor,action,target,summary,details");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${ownerEmail} invited ${bob} as member`);

  // A member of another org, and a signed-out visitor, get nothing.
  const stranger = await newUserPage(browser, `stranger-${uid()}@example.test`);
  expect((await stranger.page.request.get(`/${slug}/audit/export`)).status()).toBe(404);
  await stranger.context.close();
  expect((await browser.newContext().then((c) => c.request.get(`/${slug}/audit/export`))).status()).toBe(401);
  await context.close();
});
