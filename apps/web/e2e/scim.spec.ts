import { expect, test } from "@playwright/test";
import { createOrg, setPlan, signIn, uid } from "./helpers";

// An admin creates a SCIM token in settings, an identity provider provisions a member with
// it, and deprovisioning removes them: the whole loop as a customer sets it up.
test("SCIM: token from settings provisions and deprovisions a member", async ({ page, request }) => {
  const tag = uid();
  await signIn(page, `scim-admin-${tag}@example.test`);
  const slug = await createOrg(page, `SCIM ${tag}`);
  // On Free the SCIM panel names the plan that unlocks it instead of a form that would fail.
  await page.goto(`/${slug}/settings`);
  await expect(page.getByTestId("scim-locked")).toContainText("Enterprise plan");
  await expect(page.getByRole("button", { name: "Create SCIM token" })).toHaveCount(0);
  await setPlan(slug, "enterprise");

  await page.goto(`/${slug}/settings`);
  await expect(page.getByLabel("SCIM base URL (tenant URL)")).toHaveValue(/\/api\/scim\/v2$/);
  await page.getByLabel("SCIM token name").fill("Okta");
  await page.getByRole("button", { name: "Create SCIM token" }).click();
  const token = await page.getByTestId("new-scim-token").inputValue();
  expect(token).toMatch(/^sdscim_/);
  await expect(page.getByRole("list", { name: "SCIM tokens" })).toContainText("Okta");

  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const email = `provisioned-${tag}@example.test`;
  const created = await request.post("/api/scim/v2/Users", {
    headers,
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: email, displayName: "Pro Visioned" },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toMatch(/^application\/scim\+json/);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/${slug}/members`);
  await expect(page.getByText(email)).toBeVisible();

  const off = await request.patch(`/api/scim/v2/Users/${id}`, {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    },
  });
  expect(off.status()).toBe(200);
  await page.reload();
  await expect(page.getByText(email)).toHaveCount(0);

  // Revoked in settings: the identity provider is refused at once, in SCIM's error schema.
  await page.goto(`/${slug}/settings`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Revoke SCIM token Okta" }).click();
  await expect(page.getByRole("list", { name: "SCIM tokens" })).toContainText("Revoked");
  const refused = await request.get("/api/scim/v2/Users", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ status: "401" });
});
