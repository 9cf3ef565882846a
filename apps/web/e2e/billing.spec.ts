import { test, expect, type Page } from "@playwright/test";
import { createOrg, newUserPage, uid } from "./helpers";

async function inviteAndAccept(owner: Page, slug: string, memberPage: Page, email: string) {
  await owner.goto(`/${slug}/members`);
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await owner.getByRole("button", { name: "Invite" }).click();
  const link = await owner.getByTestId("invitation-link").inputValue();
  await memberPage.goto(link);
  await memberPage.getByRole("button", { name: "Accept invitation" }).click();
  await memberPage.waitForURL(`/${slug}`);
}

test("an admin upgrades through Checkout and assigns a seat: that member sees the plugin unlocked, another sees it locked", async ({
  browser,
}) => {
  const id = uid();
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Billing ${id}`);
  const alice = await newUserPage(browser, `alice-${id}@example.test`);
  const bob = await newUserPage(browser, `bob-${id}@example.test`);
  await inviteAndAccept(owner.page, slug, alice.page, `alice-${id}@example.test`);
  await inviteAndAccept(owner.page, slug, bob.page, `bob-${id}@example.test`);

  // Before buying: locked for everyone, with the way to get it.
  await alice.page.goto(`/${slug}/plugins/scorecards`);
  await expect(alice.page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "false");
  await expect(alice.page.getByText("Locked: this organization has no license for it.")).toBeVisible();

  await owner.page.goto(`/${slug}/billing`);
  await owner.page.getByLabel("Scorecards seats to buy").fill("2");
  await expect(owner.page.getByTestId("offer-enterprise")).toBeVisible();
  await owner.page.getByRole("button", { name: "Subscribe to Team with these seats (Checkout)" }).click();
  // The local Stripe-shaped server's Checkout page: pay, webhook, redirect back.
  await expect(owner.page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await owner.page.getByRole("button", { name: "Pay and subscribe" }).click();
  await owner.page.waitForURL(`/${slug}/billing?checkout=success`);
  await expect(owner.page.getByText("Plan: Team")).toBeVisible();
  await expect(owner.page.getByTestId("plugin-scorecards")).toContainText("0 / 2");
  await expect(owner.page.getByRole("table").last()).toContainText("FAKE-0001");

  await owner.page.getByLabel("Plugin", { exact: true }).selectOption("scorecards");
  await owner.page.getByLabel("Search members").fill("alice");
  await owner.page.getByLabel(`Select alice-${id}@example.test`).check();
  await owner.page.getByRole("button", { name: "Assign seat" }).click();
  await expect(owner.page.getByTestId("plugin-scorecards")).toContainText("1 / 2");

  await alice.page.goto(`/${slug}/plugins/scorecards`);
  await expect(alice.page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "true");
  await expect(alice.page.getByTestId("nav-plugin-scorecards")).toHaveAttribute("data-locked", "false");

  await bob.page.goto(`/${slug}/plugins/scorecards`);
  await expect(bob.page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "false");
  await expect(bob.page.getByText("Locked: you have no seat.")).toBeVisible();
  await expect(bob.page.getByTestId("nav-plugin-scorecards")).toHaveAttribute("data-locked", "true");

  // Buying more changes the same subscription (no second Checkout); a downgrade below the
  // seats in use asks whose license goes before anything changes.
  await owner.page.goto(`/${slug}/billing`);
  await owner.page.getByLabel("Scorecards seats to buy").fill("0");
  await expect(owner.page.getByTestId("release-picker")).toContainText("Scorecards: choose 1 license to release");
  const change = owner.page.getByRole("button", { name: "Change subscription to Team with these seats" });
  await expect(change).toBeDisabled();
  await owner.page.getByLabel(`Release alice-${id}@example.test`).check();
  await owner.page.getByLabel("Insights seats to buy", { exact: true }).fill("1");
  await change.click();
  await owner.page.waitForURL(`/${slug}/billing?checkout=updated`);
  await expect(owner.page.getByText("Your subscription was changed.")).toBeVisible();
  await expect(owner.page.getByTestId("plugin-scorecards")).toContainText("0 / 0");
  await expect(owner.page.getByTestId("plugin-insights")).toContainText("0 / 1");
  await alice.page.goto(`/${slug}/plugins/scorecards`);
  await expect(alice.page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "false");
});
