import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createOrg, newUserPage, uid } from "./helpers";

const OPENAPI = `openapi: 3.0.3
info:
  title: Orders API
  version: 1.2.0
  description: Places and tracks orders.
paths:
  /orders:
    get:
      summary: List orders
      operationId: listOrders
      responses:
        "200":
          description: The orders
  /orders/{id}:
    get:
      summary: Get one order
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The order`;

const ASYNCAPI = `asyncapi: 2.6.0
info:
  title: Order events
  version: 1.0.0
channels:
  orders.created:
    description: An order was placed.
    subscribe:
      summary: Receive new orders
      message:
        name: OrderCreated
        payload:
          type: object
          properties:
            id:
              type: string`;

const GRAPHQL = `type Query {
  order(id: ID!): Order
}

type Order {
  id: ID!
  total: Float
}`;

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((l) => " ".repeat(spaces) + l)
    .join("\n");

function catalog(): string {
  return [
    `apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: commerce
spec:
  owner: team-alpha`,
    `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
  description: Everything that sells
spec:
  owner: team-alpha
  domain: commerce`,
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-alpha
  title: Team Alpha
spec:
  type: team
  profile:
    email: alpha@example.test
  children: []`,
    `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
  annotations:
    github.com/user-login: alice-gh
spec:
  profile:
    displayName: Alice Example
    email: alice@example.test
  memberOf: [team-alpha]`,
    `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
  title: Orders API
spec:
  type: openapi
  lifecycle: production
  owner: team-alpha
  system: shop
  definition: |
${indent(OPENAPI, 4)}`,
    `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: order-events
  annotations:
    backstage.io/kubernetes-label-selector: app=order-events
spec:
  type: asyncapi
  lifecycle: production
  owner: team-alpha
  definition: |
${indent(ASYNCAPI, 4)}`,
    `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-graph
spec:
  type: graphql
  lifecycle: experimental
  owner: team-alpha
  definition: |
${indent(GRAPHQL, 4)}`,
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  description: Takes orders
  annotations:
    github.com/project-slug: acme/orders
    backstage.io/techdocs-ref: dir:.
    backstage.io/managed-by-location: url:https://github.com/acme/orders/blob/main/catalog-info.yaml
spec:
  type: service
  lifecycle: production
  owner: team-alpha
  system: shop
  providesApis: [orders-api, order-events]`,
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    backstage.io/view-url: javascript:alert(1)
spec:
  type: website
  lifecycle: production
  owner: user:alice
  system: shop
  consumesApis: [orders-api]
  dependsOn: [component:orders]`,
  ].join("\n---\n");
}

/** Imports through the same procedure the Register page calls (its form is tested elsewhere). */
async function importCatalog(page: Page, slug: string) {
  const res = await page.request.post("/api/trpc/catalog.importYaml", {
    headers: { "x-stagedoor-org": slug, "content-type": "application/json" },
    data: {
      json: { source: "entity-pages", dryRun: false, files: [{ name: "catalog-info.yaml", content: catalog() }] },
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).result.data.json.counts.created).toBe(9);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** At desktop and phone widths, each loaded at that width (as a phone would), checked with axe. */
async function screenshots(page: Page, name: string, ready: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    if (width !== 1280) {
      await page.reload();
      await ready();
    }
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `test-results/entity-pages/${name}-${width}.png`, fullPage: true });
    await expectNoSeriousViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const expectTabs = (page: Page, names: string[]) =>
  expect(page.getByRole("tablist", { name: "Entity sections" }).getByRole("tab")).toHaveText(names);

/** A signed-in admin of a new org holding the catalog above; records requests to other hosts. */
async function setUp(browser: Browser, name: string) {
  const { page, context } = await newUserPage(browser, `${name}-${uid()}@example.test`);
  // The renderers must not phone home: no fonts, scripts or validators from elsewhere.
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith("http") && !["localhost", "127.0.0.1"].includes(url.hostname)) {
      elsewhere.push(r.url());
    }
  });
  const slug = await createOrg(page, `Entities ${uid()}`);
  await importCatalog(page, slug);
  return { page, context, slug, elsewhere };
}

test("components show Provided and Consumed API cards; tabs appear only where annotated", async ({ browser }) => {
  const { page, context, slug, elsewhere } = await setUp(browser, "components");
  // A component with the GitHub and TechDocs annotations: CI/CD and Docs, no Kubernetes, no Cost.
  await page.goto(`/${slug}/catalog/component/default/orders`);
  await expect(page.getByRole("heading", { name: "orders", exact: true })).toBeVisible();
  await expectTabs(page, ["Overview", "CI/CD", "Docs"]);
  // Where it lives, from Backstage's location annotation: shown as owner/repo/path, linked to view and edit.
  await expect(page.getByTestId("entity-origin")).toHaveText("acme/orders/catalog-info.yaml");
  await expect(page.getByRole("link", { name: /^View source/ })).toHaveAttribute(
    "href",
    "https://github.com/acme/orders/blob/main/catalog-info.yaml",
  );
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveAttribute(
    "href",
    "https://github.com/acme/orders/edit/main/catalog-info.yaml",
  );
  // Pasted, not synced: nothing to re-read.
  await expect(page.getByRole("button", { name: "Refresh" })).toHaveCount(0);
  const provided = page.getByRole("list", { name: "Provided APIs" });
  await expect(provided.getByRole("link")).toHaveText(["order-events", "Orders API"]);
  await expect(page.getByRole("list", { name: "Consumed APIs" })).toHaveCount(0);
  await expect(page.getByText("Consumes no APIs.")).toBeVisible();
  await expect(page.getByRole("list", { name: "API consumed by" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Owned by" }).getByRole("link")).toHaveText("Team Alpha");
  await expect(page.getByRole("list", { name: "Dependency of" }).getByRole("link")).toHaveText("component:checkout");
  const graph = page.getByRole("group", { name: "Entity relation graph" });
  await expect(graph.getByText("provides API").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("API");
  await screenshots(page, "component", () => expect(graph.getByText("provides API").first()).toBeVisible());

  // A component without annotations has only the overview.
  await page.goto(`/${slug}/catalog/component/default/checkout`);
  await expectTabs(page, ["Overview"]);
  await expect(page.getByTestId("entity-origin")).toHaveText('catalog-info.yaml (registered as "entity-pages")');
  // Its view-url annotation is javascript:, which never becomes a link.
  await expect(page.getByRole("link", { name: /^View source/ })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Consumed APIs" }).getByRole("link")).toHaveText("Orders API");
  await expect(page.getByText("Provides no APIs.")).toBeVisible();
  // An old link to a tab the entity does not have lands on the overview.
  await page.goto(`/${slug}/catalog/component/default/checkout?tab=kubernetes`);
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");

  expect(elsewhere).toEqual([]);
  await context.close();
});

test("an API shows its rendered definition: OpenAPI, AsyncAPI and GraphQL, tabs by keyboard", async ({ browser }) => {
  const { page, context, slug, elsewhere } = await setUp(browser, "apis");
  // The API: providers and consumers, then the Definition tab by keyboard.
  await page.goto(`/${slug}/catalog/api/default/orders-api`);
  await expectTabs(page, ["Overview", "Definition"]);
  await expect(page.getByRole("list", { name: "Providers" }).getByRole("link")).toHaveText("orders");
  await expect(page.getByRole("list", { name: "Consumers" }).getByRole("link")).toHaveText("checkout");
  const overview = page.getByRole("tab", { name: "Overview" });
  await overview.focus();
  await page.keyboard.press("ArrowRight");
  const definitionTab = page.getByRole("tab", { name: "Definition" });
  await expect(definitionTab).toHaveAttribute("aria-selected", "true");
  await expect(definitionTab).toBeFocused();
  await expect(page).toHaveURL(/tab=definition/);
  const panel = page.getByRole("tabpanel", { name: "Definition" });
  await expect(definitionTab).toHaveAttribute("aria-controls", (await panel.getAttribute("id"))!);
  const rendered = page.getByTestId("openapi-definition");
  await expect(rendered.getByText("Orders API", { exact: false }).first()).toBeVisible();
  await expect(rendered.getByText("/orders/{id}")).toBeVisible();
  await expect(rendered.getByText("List orders")).toBeVisible();
  // An operation opened: parameters and responses, still without contrast problems.
  await rendered.getByText("Get one order").click();
  await expect(rendered.getByText("Parameters")).toBeVisible();
  await screenshots(page, "api-openapi", async () => {
    await rendered.getByText("Get one order").click();
    await expect(rendered.getByText("Parameters")).toBeVisible();
  });
  await definitionTab.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(overview).toHaveAttribute("aria-selected", "true");

  // AsyncAPI as a structure, GraphQL as highlighted text.
  await page.goto(`/${slug}/catalog/api/default/order-events?tab=definition`);
  await expect(page.getByTestId("asyncapi-definition").getByRole("heading", { name: /Order events/ })).toBeVisible();
  await expect(page.getByText("orders.created")).toBeVisible();
  await expect(page.getByText("Message OrderCreated")).toBeVisible();
  await expectTabs(page, ["Overview", "Definition", "Kubernetes"]);
  await page.goto(`/${slug}/catalog/api/default/orders-graph?tab=definition`);
  const sdl = page.getByLabel("GraphQL schema");
  await expect(sdl).toContainText("type Query");
  await expect(sdl.locator(".hljs-keyword").first()).toHaveText("type");
  await screenshots(page, "api-graphql", () => expect(sdl).toContainText("type Query"));

  expect(elsewhere).toEqual([]);
  await context.close();
});

test("users, groups, systems and domains get their own pages", async ({ browser }) => {
  const { page, context, slug, elsewhere } = await setUp(browser, "kinds");
  // People and teams: a user's profile and groups, a group's members, a system's parts, a domain's systems.
  await page.goto(`/${slug}/catalog/user/default/alice`);
  await expect(page.getByText("alice@example.test")).toBeVisible();
  await expect(page.getByText("@alice-gh")).toBeVisible();
  await expect(page.getByRole("list", { name: "Groups" }).getByRole("link")).toHaveText("Team Alpha");
  await expect(page.getByRole("list", { name: "Owned entities" }).getByRole("listitem")).not.toHaveCount(0);
  await screenshots(page, "user", () => expect(page.getByRole("list", { name: "Groups" })).toBeVisible());
  await page.goto(`/${slug}/catalog/group/default/team-alpha`);
  await expect(page.getByRole("list", { name: "Members" }).getByRole("link")).toHaveText("alice");
  await expect(page.getByText("alpha@example.test")).toBeVisible();
  await screenshots(page, "group", () => expect(page.getByRole("list", { name: "Members" })).toBeVisible());
  await page.goto(`/${slug}/catalog/system/default/shop`);
  await expect(page.getByRole("list", { name: "Components" }).getByRole("link")).toHaveText(["checkout", "orders"]);
  await expect(page.getByRole("list", { name: "APIs" }).getByRole("link")).toHaveText("Orders API");
  await screenshots(page, "system", () => expect(page.getByRole("list", { name: "Components" })).toBeVisible());
  await page.goto(`/${slug}/catalog/domain/default/commerce`);
  await expect(page.getByRole("list", { name: "Systems" }).getByRole("link")).toHaveText("shop");

  expect(elsewhere).toEqual([]);
  await context.close();
});
test("admins unregister an entity's source after a confirmation that names what goes", async ({ browser }) => {
  const { page, context, slug } = await setUp(browser, "unregister");
  await page.goto(`/${slug}/catalog/component/default/checkout`);
  await page.getByRole("button", { name: "Unregister…" }).click();
  const dialog = page.getByRole("dialog", { name: /Unregister catalog-info.yaml/ });
  await expect(dialog.getByRole("list", { name: "Entities that will be deleted" }).getByRole("listitem")).toHaveCount(
    9,
  );
  await expect(dialog).toContainText("component:checkout");
  await expectNoSeriousViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Unregister…" }).click();
  await page.getByRole("button", { name: "Unregister 9 entities" }).click();
  await expect(page).toHaveURL(`/${slug}/catalog`);
  await expect(page.getByText("The catalog is empty")).toBeVisible();
  await context.close();
});
