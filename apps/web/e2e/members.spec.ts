import { test, expect } from "@playwright/test";
import { createOrg, newUserPage, signIn, uid } from "./helpers";

test("create an org, invite a member who accepts, change their role, and see it all in the audit log", async ({
  browser,
}) => {
  const id = uid();
  const ownerEmail = `owner-${id}@example.test`;
  const bobEmail = `bob-${id}@example.test`;

  const owner = await newUserPage(browser, ownerEmail);
  const slug = await createOrg(owner.page, `Acme ${id}`);
  await expect(owner.page.getByRole("heading", { name: `Acme ${id}` })).toBeVisible();

  await owner.page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Members" }).click();
  await owner.page.getByLabel("Email").fill(bobEmail);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await owner.page.getByRole("button", { name: "Invite" }).click();
  const link = await owner.page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(owner.page.getByRole("list", { name: "Pending invitations" })).toContainText(bobEmail);

  // Bob opens the link in his own browser: sign in first, then land back on the invitation.
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await bob.goto(link);
  await expect(bob).toHaveURL(/\/sign-in\?callbackUrl=/);
  await bob.getByLabel("Email").fill(bobEmail);
  await bob.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(bob.getByRole("heading", { name: `Join Acme ${id}` })).toBeVisible();
  await bob.getByRole("button", { name: "Accept invitation" }).click();
  await bob.waitForURL(`/${slug}`);
  await expect(bob.getByTestId("org-name")).toHaveText(`Acme ${id}`);

  // A used link does not work twice.
  await bob.goto(link);
  await expect(bob.getByText("This invitation has already been used.")).toBeVisible();

  await owner.page.reload();
  const bobRow = owner.page.getByTestId(`member-${bobEmail}`);
  await expect(bobRow).toBeVisible();
  await bobRow.getByLabel(`Role of ${bobEmail}`).selectOption("ADMIN");
  await expect(bobRow.getByLabel(`Role of ${bobEmail}`)).toHaveValue("ADMIN");
  await owner.page.reload();
  await expect(owner.page.getByTestId(`member-${bobEmail}`).getByLabel(`Role of ${bobEmail}`)).toHaveValue("ADMIN");

  // Bob now sees the admin pages.
  await bob.goto(`/${slug}/audit`);
  const rows = bob.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAttribute("data-action", "member.role_changed");
  await expect(rows.nth(0)).toContainText("MEMBER → ADMIN");
  await expect(rows.nth(1)).toHaveAttribute("data-action", "invitation.accepted");
  await expect(rows.nth(2)).toHaveAttribute("data-action", "member.invited");
  await expect(rows.nth(3)).toHaveAttribute("data-action", "org.created");

  await owner.context.close();
  await bobContext.close();
});

test("a member of another org gets 404 for this org's pages and procedures", async ({ browser, request }) => {
  const id = uid();
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Private ${id}`);

  const mallory = await newUserPage(browser, `mallory-${id}@example.test`);
  await createOrg(mallory.page, `Mallory ${id}`);
  for (const path of [`/${slug}`, `/${slug}/members`, `/${slug}/audit`, `/${slug}/settings`]) {
    const res = await mallory.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(mallory.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  const api = await mallory.page.request.get(`/api/trpc/members.list`, { headers: { "x-stagedoor-org": slug } });
  expect(api.status()).toBe(404);
  const body = await api.json();
  expect(JSON.stringify(body)).not.toContain(`owner-${id}`);
  const rename = await mallory.page.request.post(`/api/trpc/org.updateName`, {
    headers: { "x-stagedoor-org": slug, "content-type": "application/json" },
    data: { json: { name: "pwned" } },
  });
  expect(rename.status()).toBe(404);
  await owner.page.reload();
  await expect(owner.page.getByTestId("org-name")).toHaveText(`Private ${id}`);

  // Signed out: org pages send you to sign in, procedures answer 401.
  const anon = await request.get(`/api/trpc/members.list`, { headers: { "x-stagedoor-org": slug } });
  expect(anon.status()).toBe(401);
  await owner.context.close();
  await mallory.context.close();
});

test("sign-in validates and the health endpoint reports dependencies", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok", redis: "ok" });

  await signIn(page, `carol-${uid()}@example.test`);
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();
  await expect(page.getByText("You are not a member of any organization yet")).toBeVisible();
});

test("create-org form explains slug problems before submitting", async ({ browser }) => {
  const { page, context } = await newUserPage(browser, `dave-${uid()}@example.test`);
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill("Admin");
  await expect(page.locator("#org-slug-error")).toContainText('"admin" is reserved');
  await page.getByLabel("URL").fill("ab");
  await expect(page.locator("#org-slug-error")).toContainText("at least 3 characters");
  await context.close();
});

test("onboarding: skip steps, resume later from the home checklist, and finish", async ({ browser }) => {
  const { page, context } = await newUserPage(browser, `erin-${uid()}@example.test`);
  const slug = await createOrg(page, `Setup ${uid()}`);
  await expect(page.getByRole("heading", { name: "Connect GitHub" })).toBeVisible();
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(`/${slug}/onboarding?step=kubernetes`);
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(`/${slug}/onboarding?step=cloud`);

  // Leave, and find the checklist on the org home with progress saved.
  await page.goto(`/${slug}`);
  const checklist = page.getByRole("list", { name: "Setup checklist" });
  await expect(checklist).toContainText("Connect GitHub");
  await expect(page.getByText("2 of 4 steps settled")).toBeVisible();
  await page.getByRole("link", { name: "Resume setup" }).click();
  await expect(page).toHaveURL(`/${slug}/onboarding?step=cloud`);
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page.getByRole("heading", { name: "Invite teammates" })).toBeVisible();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(`/${slug}`);
  await expect(page.getByRole("list", { name: "Setup checklist" })).toHaveCount(0);
  await context.close();
});
