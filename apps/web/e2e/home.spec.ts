import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createOrg, newUserPage, uid } from "./helpers";

function seed(slug: string, email: string) {
  execFileSync("node_modules/.bin/tsx", ["apps/web/e2e/seed-home.ts", slug, email], { stdio: "inherit" });
}

test("a developer lands on a home with their team's components and a failing CI run, stars one, finds another with Cmd-K", async ({
  browser,
}) => {
  const email = `dev-${uid()}@example.test`;
  const { page, context } = await newUserPage(browser, email);
  const slug = await createOrg(page, `Home ${uid()}`);
  seed(slug, email);

  // Home: matched to the catalog User by email; the team's components, failing CI first.
  await page.goto(`/${slug}`);
  const mine = page.getByRole("list", { name: "Your components" });
  await expect(mine.getByRole("listitem")).toHaveCount(2);
  await expect(mine.getByRole("listitem").first()).toContainText("ledger-service");
  await expect(mine.getByRole("listitem").first().getByTestId("run-status")).toHaveText("failure");
  await expect(mine).toContainText("payments-api");
  await expect(mine.getByRole("listitem").first()).toContainText("service · Payments Team");
  await expect(mine).not.toContainText("search-indexer");
  await expect(page.getByText("You are Dana Developer in the catalog.", { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/home-1280.png", fullPage: true });

  // The catalog opens on what I own; owners by display name; star one from the list.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("radio", { name: "Owned" })).toBeChecked();
  await expect(page.getByTestId("catalog-total")).toHaveText("2 entities");
  const row = page.locator("tbody tr[data-ref='component:default/payments-api']");
  await expect(row).toContainText("Payments Team");
  await row.getByRole("button", { name: "Star payments-api" }).click();
  await expect(row.getByRole("button", { name: "Star payments-api" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("radiogroup", { name: "Show" }).getByText("Starred").click();
  await expect(page.getByRole("radio", { name: "Starred" })).toBeChecked();
  await expect(page.getByTestId("catalog-total")).toHaveText("1 entity");
  await page.screenshot({ path: "test-results/catalog-1280.png", fullPage: true });

  // Typo-tolerant search with a way back when nothing matches.
  await page.getByRole("radiogroup", { name: "Show" }).getByText("All").click();
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  await page.getByLabel("Search the catalog").fill("ledger-servce");
  await expect(page.locator("tbody tr[data-ref='component:default/ledger-service']")).toBeVisible();
  await page.getByLabel("Search the catalog").fill("zzzqqq");
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page.getByLabel("Search the catalog")).toHaveValue("");

  // Cmd/Ctrl-K: another team's component by its owner's name, with the keyboard.
  await page.goto(`/${slug}`);
  await expect(page.getByRole("list", { name: "Starred entities" })).toContainText("payments-api");
  await page.keyboard.press("ControlOrMeta+k");
  const box = page.getByRole("combobox", { name: "Search entities" });
  await expect(box).toBeFocused();
  await box.fill("discovery");
  // The group itself first (its name is the text), then what it owns.
  const options = page.getByRole("listbox").getByRole("option");
  await expect(options.first()).toContainText("discovery");
  await expect(options.first()).toContainText("Group");
  const indexer = options.filter({ hasText: "search-indexer" });
  await expect(indexer).toContainText("Component · owned by Discovery Squad");
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await expect(indexer).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: "test-results/quick-search-1280.png" });
  await box.press("Enter");
  await expect(page).toHaveURL(`/${slug}/catalog/component/default/search-indexer`);
  await expect(page.getByRole("heading", { name: "search-indexer" })).toBeVisible();

  // Recent searches come back when the box is empty; Escape closes it.
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("listbox", { name: "Recent searches" }).getByRole("option")).toHaveText(["discovery"]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("combobox", { name: "Search entities" })).toBeHidden();

  // The visit shows on home; phone widths: filters behind a button, search first.
  await page.goto(`/${slug}`);
  await expect(page.getByRole("list", { name: "Recently viewed" })).toContainText("search-indexer");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/home-390.png", fullPage: true });
  await page.goto(`/${slug}/catalog`);
  await expect(page.getByRole("complementary", { name: "Filters" })).toBeHidden();
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByRole("complementary", { name: "Filters" })).toBeVisible();
  await page.screenshot({ path: "test-results/catalog-390.png", fullPage: true });
  await context.close();
});
