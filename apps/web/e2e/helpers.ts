import { expect, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

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
