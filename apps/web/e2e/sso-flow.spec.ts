import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, type Page } from "@playwright/test";
import Provider from "oidc-provider";
import pg from "pg";
import { createOrg, newUserPage, setPlan, uid } from "./helpers";

// The real flow against a certified OpenID provider (oidc-provider) on a local port: its
// development login form accepts any login, which becomes the subject and email.
const APP = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function startIdp(slug: string) {
  const server = await new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "stagedoor",
        client_secret: "idp-secret",
        redirect_uris: [`${APP}/api/auth/callback/sso-${slug}`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Email claims in the ID token (Auth.js reads the profile from it).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: true, name: sub }),
    }),
    cookies: { keys: ["e2e-only"] },
  });
  server.on("request", provider.callback());
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function idpLogin(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("test sign-in, switch on, require SSO, JIT member via home-realm discovery", async ({ browser }) => {
  const id = uid();
  const domain = `sso-${id}.example.test`;
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Flow ${id}`);
  await setPlan(slug, "enterprise"); // requiring SSO is Enterprise
  const idp = await startIdp(slug);
  try {
    const page = owner.page;
    await page.goto(`/${slug}/settings/sso`);
    await page.getByLabel("Issuer URL").fill(idp.issuer);
    await page.getByLabel("Client ID").fill("stagedoor");
    await page.getByLabel("Client secret").fill("idp-secret");
    await page.getByRole("button", { name: "Save", exact: true }).first().click();
    await expect(page.getByTestId("sso-status")).toContainText("draft");
    await page.getByLabel("Domain").fill(domain);
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText(`_stagedoor-challenge.${domain}`)).toBeVisible();
    // No DNS here: the operator override, as support would do it.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(
      `UPDATE "VerifiedDomain" SET "verifiedAt" = now(), "verifiedBy" = 'operator' WHERE domain = $1`,
      [domain],
    );
    await client.end();

    await page.getByRole("button", { name: "Test sign-in" }).click();
    await idpLogin(page, `admin@${domain}`);
    await expect(page.getByText("Test sign-in succeeded.")).toBeVisible();
    await expect(page.getByTestId("sso-status")).toContainText("tested");
    await page.getByRole("button", { name: "Switch SSO on" }).click();
    await expect(page.getByTestId("sso-status")).toContainText("enabled");
    await page.getByRole("button", { name: "Require SSO for members" }).click();
    await expect(page.getByRole("button", { name: "Stop requiring SSO" })).toBeVisible();

    // A new person of the verified domain: home-realm discovery, then a member just in time.
    const context = await browser.newContext();
    const dev = await context.newPage();
    await dev.goto("/sign-in");
    await dev.getByLabel("Work address").fill(`dev@${domain}`);
    await dev.getByRole("button", { name: "Sign in with SSO" }).click();
    await idpLogin(dev, `dev@${domain}`);
    await expect(dev.getByTestId("current-user")).toHaveText(`dev@${domain}`);
    expect((await dev.goto(`/${slug}/catalog`))?.status()).toBe(200);

    // An address outside the org's verified domains is refused by its IdP.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`/sign-in?org=${slug}`);
    await other.getByRole("button", { name: `Continue with Flow ${id} SSO` }).click();
    await idpLogin(other, `someone@elsewhere-${id}.example.test`);
    await expect(other.getByText("Your email address is not in a verified domain of this organization.")).toBeVisible();
  } finally {
    await idp.close();
  }
});

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** An org with its own IdP, tested and switched on (domain verified by the operator path). */
async function orgWithSso(page: Page, name: string, domain: string) {
  const slug = await createOrg(page, name);
  await setPlan(slug, "enterprise"); // requiring SSO is Enterprise
  const idp = await startIdp(slug);
  await page.goto(`/${slug}/settings/sso`);
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill("stagedoor");
  await page.getByLabel("Client secret").fill("idp-secret");
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  await expect(page.getByTestId("sso-status")).toContainText("draft");
  await page.getByLabel("Domain").fill(domain);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText(`_stagedoor-challenge.${domain}`)).toBeVisible();
  await sql(`UPDATE "VerifiedDomain" SET "verifiedAt" = now(), "verifiedBy" = 'operator' WHERE domain = $1`, [domain]);
  await page.getByRole("button", { name: "Test sign-in" }).click();
  await idpLogin(page, `admin@${domain}`);
  await expect(page.getByText("Test sign-in succeeded.")).toBeVisible();
  await page.getByRole("button", { name: "Switch SSO on" }).click();
  await expect(page.getByTestId("sso-status")).toContainText("enabled");
  return { slug, idp };
}

test("require SSO: a session from a second org's IdP is refused, the owner keeps break-glass", async ({ browser }) => {
  const id = uid();
  const ownerA = await newUserPage(browser, `owner-a-${id}@example.test`);
  const ownerB = await newUserPage(browser, `owner-b-${id}@example.test`);
  const a = await orgWithSso(ownerA.page, `Req A ${id}`, `a-${id}.example.test`);
  const b = await orgWithSso(ownerB.page, `Req B ${id}`, `b-${id}.example.test`);
  try {
    await ownerA.page.getByRole("button", { name: "Require SSO for members" }).click();
    await expect(ownerA.page.getByRole("button", { name: "Stop requiring SSO" })).toBeVisible();

    // Someone of org B's domain signs in through B's IdP, and is (also) a member of A.
    const person = await (await browser.newContext()).newPage();
    await person.goto(`/sign-in?org=${b.slug}`);
    await person.getByRole("button", { name: `Continue with Req B ${id} SSO` }).click();
    await idpLogin(person, `x@b-${id}.example.test`);
    await expect(person.getByTestId("current-user")).toHaveText(`x@b-${id}.example.test`);
    expect((await person.goto(`/${b.slug}/catalog`))?.status()).toBe(200);
    await sql(
      `INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt")
       SELECT 'm' || md5(random()::text), o.id, u.id, 'MEMBER', now() FROM "Organization" o, "User" u
       WHERE o.slug = $1 AND u.email = $2`,
      [a.slug, `x@b-${id}.example.test`],
    );
    await person.goto(`/${a.slug}/catalog`);
    await expect(person).toHaveURL(/\/sign-in\?org=.*error=SsoRequired/);
    await expect(person.getByText("This organization requires signing in through its single sign-on.")).toBeVisible();

    // The owner signed in without SSO keeps access (audited).
    expect((await ownerA.page.goto(`/${a.slug}/catalog`))?.status()).toBe(200);
  } finally {
    await a.idp.close();
    await b.idp.close();
  }
});
