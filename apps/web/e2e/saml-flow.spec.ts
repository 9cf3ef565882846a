import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, type Page } from "@playwright/test";
import pg from "pg";
import { createTestSamlIdp, type TestSamlIdp } from "@stagedoor/core/saml-testing";
import { createOrg, newUserPage, uid } from "./helpers";

// A local SAML IdP (the test IdP's key, certificate and signed responses) on a local port:
// its sign-in page takes any address, then posts a signed response to the ACS URL the
// AuthnRequest named, as Okta or Entra ID do (HTTP-POST binding).
async function startSamlIdp() {
  const server = await new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  const idp: TestSamlIdp = await createTestSamlIdp(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
  const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", idp.entityId);
    if (url.pathname === "/sso" && req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html" }).end(
        html(`<form method="post" action="/sso"><input type="hidden" name="request" value="${attr(url.href)}">
          <label>IdP email <input name="email"></label><button>IdP sign in</button></form>`),
      );
      return;
    }
    if (url.pathname === "/sso" && req.method === "POST") {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const request = idp.readRequest(form.get("request") ?? "");
        const response = idp.response({
          inResponseTo: request.id,
          acsUrl: request.acsUrl,
          audience: request.spEntityId,
          email: form.get("email") ?? "",
        });
        res.writeHead(200, { "content-type": "text/html" }).end(
          html(`<form method="post" action="${attr(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${response}">
            <button>Continue to Stagedoor</button></form>`),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  return { idp, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function idpLogin(page: Page, email: string) {
  await page.getByLabel("IdP email").fill(email);
  await page.getByRole("button", { name: "IdP sign in" }).click();
  await page.getByRole("button", { name: "Continue to Stagedoor" }).click();
}

async function verifyDomain(domain: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE "VerifiedDomain" SET "verifiedAt" = now(), "verifiedBy" = 'operator' WHERE domain = $1`,
      [domain],
    );
  } finally {
    await client.end();
  }
}

test("SAML: pasted metadata, SP values shown, test sign-in, switch on, JIT member via home-realm discovery", async ({
  browser,
}) => {
  const id = uid();
  const domain = `saml-${id}.example.test`;
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Saml ${id}`);
  const { idp, close } = await startSamlIdp();
  try {
    const page = owner.page;
    await page.goto(`/${slug}/settings/sso`);
    await page.getByLabel("SAML 2.0").check();
    await expect(page.getByLabel("ACS (reply) URL")).toHaveValue(new RegExp(`/api/auth/saml/${slug}/acs$`));
    await expect(page.getByLabel("SP entity ID (audience) and metadata URL")).toHaveValue(
      new RegExp(`/api/auth/saml/${slug}/metadata$`),
    );
    await page.getByLabel("Paste the XML").check();
    await page.getByLabel("IdP metadata XML").fill(idp.metadata());
    await page.getByRole("button", { name: "Save SAML connection" }).click();
    await expect(page.getByTestId("saml-status")).toContainText("draft");
    await page.getByLabel("Domain").fill(domain);
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText(`_stagedoor-challenge.${domain}`)).toBeVisible();
    await verifyDomain(domain);

    await page.getByRole("button", { name: "Test sign-in" }).click();
    await idpLogin(page, `admin@${domain}`);
    await expect(page.getByText("Test sign-in succeeded.")).toBeVisible();
    await expect(page.getByTestId("saml-status")).toContainText("tested");
    await page.getByRole("button", { name: "Switch SSO on" }).click();
    await expect(page.getByTestId("saml-status")).toContainText("enabled");

    // A new person of the verified domain: home-realm discovery, then a member just in time.
    const dev = await (await browser.newContext()).newPage();
    await dev.goto("/sign-in");
    await dev.getByLabel("Work address").fill(`dev@${domain}`);
    await dev.getByRole("button", { name: "Sign in with SSO" }).click();
    await idpLogin(dev, `dev@${domain}`);
    await expect(dev.getByTestId("current-user")).toHaveText(`dev@${domain}`);
    expect((await dev.goto(`/${slug}/catalog`))?.status()).toBe(200);

    // An address outside the org's verified domains is refused.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`/sign-in?org=${slug}`);
    await other.getByRole("button", { name: `Continue with Saml ${id} SSO` }).click();
    await idpLogin(other, `someone@elsewhere-${id}.example.test`);
    await expect(other.getByText("Your email address is not in a verified domain of this organization.")).toBeVisible();
  } finally {
    await close();
  }
});
