import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createOrg, inviteAndAccept, newUserPage, uid } from "./helpers";

// Cost Insights end to end: an admin uploads a small FOCUS export in the wizard, the
// import runs, and once the org has the plugin (trial + a seat) the page's totals and an
// entity's Cost tab equal the file's sums; a member without a seat sees the locked page.

const catalogYaml = ["checkout:payments", "search:discovery"]
  .map(
    (c) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${c.split(":")[0]}
spec:
  type: service
  lifecycle: production
  owner: group:default/${c.split(":")[1]}
  system: shop
`,
  )
  .join("---\n");

/**
 * Ten days (2026-10-01..10) of FOCUS rows: checkout 10.25/day on EC2 (component tag),
 * search 4.50/day on RDS (`service` tag), 0.75/day of untagged support, and one row whose
 * BilledCost is not a number. Sums: checkout 102.50, search 45.00, unallocated 7.50,
 * total 155.00 USD (unallocated 4.8 %), 14.75 allocated and 0.75 unallocated a day.
 */
function focusCsv(): string {
  const lines = [
    "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,ResourceId,Tags",
  ];
  for (let d = 1; d <= 10; d++) {
    const day = `2026-10-${String(d).padStart(2, "0")}`;
    const period = `${day}T00:00:00Z,${day}T23:59:59Z`;
    lines.push(`10.25,10.25,USD,${period},EC2,i-${d},"{""backstage.io/component"":""checkout""}"`);
    lines.push(`4.50,4.50,USD,${period},RDS,db-${d},"{""service"":""search""}"`);
    lines.push(`0.75,0.75,USD,${period},Support,,`);
  }
  lines.push(`abc,1.00,USD,2026-10-05T00:00:00Z,2026-10-05T23:59:59Z,EC2,i-bad,`);
  return `${lines.join("\n")}\n`;
}

/** axe's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("upload a FOCUS export; with the Cost Insights plugin the totals and the entity's Cost tab equal the file's sums; a member without a seat sees it locked", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = uid();
  const owner = await newUserPage(browser, `costs-owner-${id}@example.test`);
  const page = owner.page;
  const slug = await createOrg(page, `Costs ${id}`);

  await page.goto(`/${slug}/catalog/register`);
  await page.getByLabel("catalog-info.yaml").fill(catalogYaml);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText(/^Would create 2, update 0/)).toBeVisible();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Import complete.")).toBeVisible();

  // Wizard step 3: upload the export; the import runs in the request and settles the step.
  const file = { name: "focus.csv", mimeType: "text/csv", buffer: Buffer.from(focusCsv()) };
  await page.goto(`/${slug}/onboarding?step=cloud`);
  const form = page.getByRole("form", { name: "Connect a cost export" });
  await form.getByLabel("Where the FOCUS export is").selectOption("upload");
  await form.getByLabel("Export file").setInputFiles(file);
  await form.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByText("Connected Uploaded file.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("step-status-cloud")).toHaveText("Done");
  // The import's result stays under the status that replaced the form.
  await expect(page.getByText("Imported 30 of 31 rows for 2026-10-01 to 2026-10-10.")).toBeVisible();
  await expect(page.getByText(/Row 31: BilledCost "abc" is not a number/)).toBeVisible();

  // The same file again from Integrations: the bad row is reported with its number, and
  // the days it covers are replaced (the totals below are not doubled).
  await page.goto(`/${slug}/integrations`);
  await page.getByLabel("Upload an export (replaces the days it covers)").setInputFiles(file);
  await expect(page.getByText("Imported 30 of 31 rows for 2026-10-01 to 2026-10-10.")).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/Row 31: BilledCost "abc" is not a number/)).toBeVisible();

  // Imported, but the org has no Cost Insights license yet: the page says what it does and how to get it.
  await page.goto(`/${slug}/plugins/cost-insights`);
  await expect(page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "false");
  await expect(page.getByText("Locked: this organization has no license for it.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Get it on the Billing page" })).toBeVisible();
  await expect(page.getByTestId("nav-plugin-cost-insights")).toHaveAttribute("data-locked", "true");

  // The trial, and a seat for the owner.
  await page.goto(`/${slug}/billing`);
  await page.getByRole("button", { name: "Start 14-day plugin trial" }).click();
  await expect(page.getByText(/Plugin trial until/)).toBeVisible();
  await page.getByLabel("Plugin", { exact: true }).selectOption("cost-insights");
  await page.getByLabel("Search members").fill("costs-owner");
  await page.getByLabel(`Select costs-owner-${id}@example.test`).check();
  await page.getByRole("button", { name: "Assign seat" }).click();
  await expect(page.getByTestId("plugin-cost-insights")).toContainText("1 / 5");

  // The old address still leads there.
  await page.goto(`/${slug}/costs`);
  await page.waitForURL(`/${slug}/plugins/cost-insights`);
  await expect(page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "true");
  await expect(page.getByTestId("cost-total")).toHaveText("155.00 USD");
  await expect(page.getByTestId("cost-unallocated")).toHaveText("7.50 USD (4.8%)");
  await expect(page.getByRole("figure", { name: "Daily cost in USD" })).toBeVisible();
  await page.getByText("Daily numbers").click();
  const daily = page.getByRole("table", { name: "Daily cost in USD, as a table" });
  await expect(daily.getByRole("row")).toHaveCount(11); // header + 10 days
  await expect(daily.getByRole("row", { name: /2026-10-05/ })).toHaveText(/2026-10-05\s*14\.75\s*0\.75/);
  const groups = page.getByTestId("cost-groups");
  await expect(groups.getByRole("row", { name: /payments/ })).toContainText("102.50");
  await expect(groups.getByRole("row", { name: /discovery/ })).toContainText("45.00");
  expect(await seriousViolations(page)).toEqual([]);

  // The entity's Cost tab: its own sum, by service.
  await page.goto(`/${slug}/catalog/component/default/checkout?tab=cost`);
  await expect(page.getByText("102.50 USD, 2026-09-11 to 2026-10-10")).toBeVisible();
  await expect(page.getByRole("table", { name: "Cost by service in USD" })).toContainText("EC2");

  // A member without a seat: the locked page and a locked Cost tab, never the numbers.
  const memberEmail = `costs-member-${id}@example.test`;
  const member = await newUserPage(browser, memberEmail);
  await inviteAndAccept(page, slug, member.page, memberEmail);
  await member.page.goto(`/${slug}/plugins/cost-insights`);
  await expect(member.page.getByTestId("plugin-page")).toHaveAttribute("data-unlocked", "false");
  await expect(member.page.getByText("Locked: you have no seat. Ask an admin for a seat.")).toBeVisible();
  await expect(member.page.getByTestId("cost-total")).toHaveCount(0);
  await member.page.goto(`/${slug}/catalog/component/default/checkout?tab=cost`);
  await expect(member.page.getByTestId("entity-cost-locked")).toContainText("You have no Cost Insights license");
  await expect(member.page.getByText("102.50")).toHaveCount(0);
  expect(await seriousViolations(member.page)).toEqual([]);

  await member.context.close();
  await owner.context.close();
});
