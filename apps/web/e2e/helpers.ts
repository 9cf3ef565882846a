import { expect, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const uid = () => randomBytes(4).toString("hex");

/** Signs in through the development sign-in form, as a person would. */
export async function signIn(page: Page, email: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toHaveText(email);
}

export async function newUserPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

export async function createOrg(page: Page, name: string) {
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(name);
  const slug = await page.getByLabel("URL").inputValue();
  await expect(page.getByText(`Available: stagedoor/${slug}`)).toBeVisible();
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`/${slug}/onboarding`);
  return slug;
}

/** The owner invites `email` as a member on the Members page; `memberPage` (signed in as them) accepts. */
export async function inviteAndAccept(owner: Page, slug: string, memberPage: Page, email: string) {
  await owner.goto(`/${slug}/members`);
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await owner.getByRole("button", { name: "Invite" }).click();
  const link = await owner.getByTestId("invitation-link").inputValue();
  await memberPage.goto(link);
  await memberPage.getByRole("button", { name: "Accept invitation" }).click();
  await memberPage.waitForURL(`/${slug}`);
}

/**
 * Puts an org on a paid plan as an active subscription would (written directly: the
 * Checkout flow has its own spec, billing.spec.ts). SCIM, "Require SSO" and audit export
 * are Enterprise; more than one integration of a kind needs Team.
 */
export async function setPlan(slug: string, plan: "team" | "enterprise") {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "OrgBilling" ("orgId", plan, status, "memberLimit", "updatedAt")
       SELECT id, $2, 'active', NULL, now() FROM "Organization" WHERE slug = $1
       ON CONFLICT ("orgId") DO UPDATE SET plan = $2, status = 'active', "memberLimit" = NULL, "updatedAt" = now()`,
      [slug, plan],
    );
  } finally {
    await client.end();
  }
}
