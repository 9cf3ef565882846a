import { test, expect, type Page } from "@playwright/test";
import { createOrg, newUserPage, uid } from "./helpers";

function catalogYaml(opts: { brokenName: boolean }) {
  const docs = [
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-alpha
  title: Team Alpha
spec:
  type: team
  children: []`,
    `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
spec:
  type: openapi
  lifecycle: production
  owner: team-alpha
  definition: "openapi: 3.0.0"`,
  ];
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, "0");
    const name = i === 7 && opts.brokenName ? "svc 07" : `svc-${n}`;
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Service number ${n}${i === 3 ? " handles invoices" : ""}
spec:
  type: service
  lifecycle: ${i % 2 ? "production" : "experimental"}
  owner: team-alpha
  ${i === 1 ? "providesApis: [orders-api]" : "consumesApis: [orders-api]"}`);
  }
  return docs.join("\n---\n") + "\n";
}

async function check(page: Page, yaml: string) {
  await page.getByLabel("catalog-info.yaml").fill(yaml);
  await page.getByRole("button", { name: "Check" }).click();
}

test("register YAML with an error, see the line, fix it, import; then filter, search, page and follow the graph", async ({
  browser,
}) => {
  const { page, context } = await newUserPage(browser, `cat-${uid()}@example.test`);
  const slug = await createOrg(page, `Catalog ${uid()}`);

  await page.goto(`/${slug}/catalog`);
  await expect(page.getByText("The catalog is empty")).toBeVisible();
  await page.getByRole("link", { name: "Register entities" }).click();

  // Document 9 is svc 07 (group, api, svc-01..): its name is invalid, on its line 4.
  await check(page, catalogYaml({ brokenName: true }));
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("1 problem found");
  const errors = page.getByRole("list", { name: "Errors in document 9" });
  const brokenLine =
    catalogYaml({ brokenName: true })
      .split("\n")
      .findIndex((l) => l.includes("svc 07")) + 1;
  await expect(errors).toContainText(`line ${brokenLine}:9 metadata.name: "svc 07" is not a valid name`);

  await check(page, catalogYaml({ brokenName: false }));
  await expect(report).toContainText("No problems found");
  await expect(page.getByText(/^Would create 32, update 0/)).toBeVisible();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Import complete.")).toBeVisible();

  // Browse: the list opens on Components (30 of the 32 entities), 25 per page.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByTestId("catalog-total")).toHaveText("30 entities");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(rows).toHaveCount(5);
  await expect(page).toHaveURL(/cursor=/);
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(rows).toHaveCount(25);

  // Kind and facet filters, synced to the URL.
  await page.getByLabel("Kind").selectOption("group");
  await expect(page.getByTestId("catalog-total")).toHaveText("1 entity");
  await expect(page).toHaveURL(/kind=group/i);
  await page.getByLabel("Kind").selectOption("all");
  await expect(page.getByTestId("catalog-total")).toHaveText("32 entities");
  await page.getByLabel("Kind").selectOption("component");
  await expect(page.getByTestId("catalog-total")).toHaveText("30 entities");
  await page.getByRole("checkbox", { name: /^experimental/ }).click();
  await expect(page.getByTestId("catalog-total")).toHaveText("15 entities");
  await page.getByRole("button", { name: "Clear all filters" }).click();
  await expect(page.getByTestId("catalog-total")).toHaveText("30 entities");

  // Full-text search over descriptions.
  await page.getByLabel("Search the catalog").fill("invoices");
  await expect(page).toHaveURL(/q=invoices/);
  await expect(page.getByTestId("catalog-total")).toHaveText("1 entity");
  await expect(rows.first()).toContainText("svc-03");
  await page.reload();
  await expect(page.getByLabel("Search the catalog")).toHaveValue("invoices");

  // Open the entity and follow a relation in the graph to its owner.
  await rows.first().getByRole("link", { name: "svc-03" }).click();
  await expect(page.getByRole("heading", { name: "svc-03" })).toBeVisible();
  // The graph zooms and pans from the keyboard when it has focus, and resets with 0.
  const graph = page.getByRole("group", { name: "Entity relation graph" });
  const initial = await graph.getAttribute("viewBox");
  await graph.focus();
  await page.keyboard.press("+");
  await expect(graph).not.toHaveAttribute("viewBox", initial ?? "");
  const zoomed = await graph.getAttribute("viewBox");
  await page.keyboard.press("ArrowRight");
  await expect(graph).not.toHaveAttribute("viewBox", zoomed ?? "");
  await page.keyboard.press("0");
  await expect(graph).toHaveAttribute("viewBox", initial ?? "");
  // Ctrl + wheel zooms (a plain wheel scrolls the page).
  await graph.hover({ position: { x: 10, y: 10 } });
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await expect(graph).not.toHaveAttribute("viewBox", initial ?? "");
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect(graph).toHaveAttribute("viewBox", initial ?? "");
  await graph.getByLabel("Group Team Alpha").click();
  await expect(page).toHaveURL(`/${slug}/catalog/group/default/team-alpha`);
  await expect(page.getByRole("heading", { name: "Team Alpha" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Owned entities" }).getByRole("listitem")).toHaveCount(31);
  await context.close();
});

test("another org's entities are not reachable", async ({ browser }) => {
  const a = await newUserPage(browser, `a-${uid()}@example.test`);
  const slugA = await createOrg(a.page, `A ${uid()}`);
  await a.page.goto(`/${slugA}/catalog/register`);
  await check(a.page, catalogYaml({ brokenName: false }));
  await a.page.getByRole("button", { name: "Import" }).click();
  await expect(a.page.getByText("Import complete.")).toBeVisible();

  const b = await newUserPage(browser, `b-${uid()}@example.test`);
  const slugB = await createOrg(b.page, `B ${uid()}`);
  expect((await b.page.goto(`/${slugA}/catalog/component/default/svc-01`))?.status()).toBe(404);
  await b.page.goto(`/${slugB}/catalog/component/default/svc-01`);
  await expect(b.page.getByText("No such entity")).toBeVisible();
  const res = await b.page.request.get(
    `/api/trpc/catalog.get?input=${encodeURIComponent(JSON.stringify({ json: { ref: "component:default/svc-01" } }))}`,
    {
      headers: { "x-stagedoor-org": slugA },
    },
  );
  expect(res.status()).toBe(404);
  await a.context.close();
  await b.context.close();
});
