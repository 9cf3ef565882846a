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

/** What the browser does when the page is hidden or closed: the pending events go as a beacon. */
const flushEvents = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event("pagehide")));

test("two members browse; an admin with an Insights seat sees both active, their pages and a search with no result", async ({
  browser,
}) => {
  const id = uid();
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Insights ${id}`);
  const alice = await newUserPage(browser, `alice-${id}@example.test`);
  await inviteAndAccept(owner.page, slug, alice.page, `alice-${id}@example.test`);

  // Without a license the page is the plugin's locked page.
  await alice.page.goto(`/${slug}/insights`);
  await expect(alice.page.getByTestId("insights-page")).toHaveAttribute("data-unlocked", "false");
  await expect(alice.page.getByText("Locked: this organization has no license for it.")).toBeVisible();

  // Alice browses the catalog and searches for something that does not exist.
  await alice.page.goto(`/${slug}/catalog`);
  await alice.page.keyboard.press("Control+k");
  await alice.page.getByLabel("Search entities").fill(`nothing-like-${id}`);
  await expect(alice.page.getByText(`Nothing matches "nothing-like-${id}".`)).toBeVisible();
  await alice.page.keyboard.press("Escape");
  // Leaving the page sends its events (pagehide → beacon).
  await alice.page.goto(`/${slug}/members`);

  // The owner starts the plugin trial and takes an Insights seat.
  await owner.page.goto(`/${slug}/billing`);
  await owner.page.getByRole("button", { name: "Start 14-day plugin trial" }).click();
  await owner.page.getByLabel("Plugin", { exact: true }).selectOption("insights");
  await owner.page.getByLabel("Search members").fill("owner");
  await owner.page.getByLabel(`Select owner-${id}@example.test`).check();
  await owner.page.getByRole("button", { name: "Assign seat" }).click();
  await expect(owner.page.getByTestId("plugin-insights")).toContainText("1 / 5");

  await owner.page.goto(`/${slug}/insights`);
  await expect(owner.page.getByTestId("insights-page")).toHaveAttribute("data-unlocked", "true");
  await flushEvents(owner.page);
  // The worker writes the batches and rolls them up within seconds: reload until both show,
  // and Alice's last batch too (her catalog visit and search): her earlier batches already
  // make her active, and the checks below do not reload.
  await expect(async () => {
    await owner.page.reload();
    await expect(owner.page.getByTestId("insights-kpi-active")).toHaveText("2", { timeout: 2_000 });
    await expect(owner.page.getByTestId("insights-zero-results")).toContainText(`nothing-like-${id}`, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });

  await expect(owner.page.getByTestId("insights-pages")).toContainText("/catalog");
  await expect(owner.page.getByTestId("insights-pages")).toContainText("/members");
  await expect(owner.page.getByTestId("insights-zero-results")).toContainText(`nothing-like-${id}`);
  await expect(owner.page.getByTestId("insights-people")).toContainText("alice");
  await expect(owner.page.getByRole("button", { name: "Download CSV of Searches with no result" })).toBeEnabled();

  // Phone width: the page still reads (tables scroll inside their cards).
  await owner.page.setViewportSize({ width: 390, height: 844 });
  await expect(owner.page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  const overflow = await owner.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
