import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "@playwright/test";
import { ADMIN_ONLY_PAGES } from "../src/lib/admin-pages";
import { createOrg, newUserPage, uid } from "./helpers";

// Every page guarded by loadAdminPage, found in the app's source, so a new admin page is
// covered without editing this spec: a MEMBER gets a 404 status (as a stranger does)
// and a page that says it is for admins.
const APP_DIR = fileURLToPath(new URL("../src/app", import.meta.url));
function adminPages(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return adminPages(full);
    if (entry.name !== "page.tsx" || !readFileSync(full, "utf8").includes("loadAdminPage(")) return [];
    return [path.relative(APP_DIR, path.dirname(full)).split(path.sep).join("/")];
  });
}

test("a member gets 404 on every admin page, which an owner can open", async ({ browser }) => {
  const pages = adminPages();
  expect(pages).toContain("[orgSlug]/audit");
  // Only the org segment is filled in below; a page with other parameters needs its own sample.
  expect(pages.filter((p) => !/^\[orgSlug\](\/[a-z-]+)*$/.test(p))).toEqual([]);
  // The org's not-found page names these as admin-only; the list must be exactly the guarded pages.
  expect([...ADMIN_ONLY_PAGES].sort()).toEqual(pages.map((p) => p.replace("[orgSlug]", "")).sort());

  const id = uid();
  const owner = await newUserPage(browser, `owner-${id}@example.test`);
  const slug = await createOrg(owner.page, `Admin pages ${id}`);
  const memberEmail = `member-${id}@example.test`;
  const invited = await owner.page.request.post("/api/trpc/members.invite", {
    headers: { "x-stagedoor-org": slug, "content-type": "application/json" },
    data: { json: { email: memberEmail, role: "MEMBER" } },
  });
  expect(invited.status()).toBe(200);
  const { token } = (await invited.json()).result.data.json as { token: string };
  const member = await newUserPage(browser, memberEmail);
  const accepted = await member.page.request.post("/api/trpc/invitations.accept", {
    headers: { "content-type": "application/json" },
    data: { json: { token } },
  });
  expect(accepted.status()).toBe(200);

  for (const page of pages) {
    const url = `/${page.replace("[orgSlug]", slug)}`;
    expect((await owner.page.goto(url))?.status(), `owner ${url}`).toBe(200);
    expect((await member.page.goto(url))?.status(), `member ${url}`).toBe(404);
    await expect(member.page.getByRole("heading", { name: "For admins only" })).toBeVisible();
  }
  // The member still has the org's other pages.
  expect((await member.page.goto(`/${slug}/catalog`))?.status()).toBe(200);
  await owner.context.close();
  await member.context.close();
});
