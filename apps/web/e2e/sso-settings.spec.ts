import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "@playwright/test";
import { createOrg, newUserPage, uid } from "./helpers";

// A discovery endpoint for the settings form: /good states its own issuer, /liar another one.
// (The full sign-in flow against a local oidc-provider is not covered yet.)
let server: Server;
let base = "";
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const [, name] = /^\/(\w+)\/\.well-known\/openid-configuration$/.exec(req.url ?? "") ?? [];
    if (!name) return void res.writeHead(404).end();
    const issuer = name === "liar" ? "https://elsewhere.example" : `${base}/${name}`;
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("an admin configures OIDC: wrong issuer named, secret never shown, on only after a test sign-in", async ({
  browser,
}) => {
  const id = uid();
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `SSO ${id}`);
  const page = owner.page;
  await page.goto(`/${slug}/settings/sso`);
  await expect(page.getByText(`/api/auth/callback/sso-${slug}`)).toBeVisible();

  await page.getByLabel("Issuer URL").fill(`${base}/liar`);
  await page.getByLabel("Client ID").fill("stagedoor-portal");
  await page.getByLabel("Client secret").fill(`secret-${id}`);
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  await expect(page.getByText(/Wrong issuer/)).toBeVisible();

  await page.getByLabel("Issuer URL").fill(`${base}/good`);
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  await expect(page.getByTestId("sso-status")).toContainText("draft");

  await page.getByRole("button", { name: "Switch SSO on" }).click();
  await expect(page.getByText("Run a successful test sign-in before switching the connection on.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Client ID")).toHaveValue("stagedoor-portal");
  expect(await page.content()).not.toContain(`secret-${id}`);

  await page.getByLabel("Domain").fill(`sso-${id}.example.test`);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText(`_stagedoor-challenge.sso-${id}.example.test`)).toBeVisible();
});
