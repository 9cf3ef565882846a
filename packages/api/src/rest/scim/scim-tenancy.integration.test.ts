import { describe, expect, it } from "vitest";
import { createApiToken, planByKey, revokeScimToken } from "@stagedoor/core";
import { makeMember, makeUser, setOrgPlan } from "@stagedoor/db/testing";
import { db, orgWithScim, scim } from "../../testing/scim";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

describe("SCIM: authentication and tenancy", () => {
  it("refuses missing, malformed, unknown, API and revoked tokens with 401 in SCIM's error schema", async () => {
    const a = await orgWithScim();
    const none = await scim(null, "GET", "/Users");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "401",
      detail: expect.any(String),
    });
    expect((await scim("sdscim_nope", "GET", "/Users")).status).toBe(401);
    // An org API token is no SCIM token, even an owner's.
    const { token: apiToken } = await createApiToken(a.tdb, a.actor, { name: "ci", scopes: ["catalog:write"] });
    expect((await scim(apiToken, "GET", "/Users")).status).toBe(401);
    expect((await scim(a.token, "GET", "/Users")).status).toBe(200);
    await revokeScimToken(a.tdb, a.actor, a.scimToken.id);
    expect((await scim(a.token, "GET", "/Users")).status).toBe(401);
  });

  it("one org's SCIM token never reads, changes or links another org's users and groups", async () => {
    const a = await orgWithScim();
    const b = await orgWithScim();
    const userName = `shared.${a.org.slug}@example.test`;
    const bUser = (await scim(b.token, "POST", "/Users", { userName })).body.id as string;
    const bGroup = (await scim(b.token, "POST", "/Groups", { displayName: "B team", members: [{ value: bUser }] })).body
      .id as string;

    // Lists and filters see only the caller's org.
    expect((await scim(a.token, "GET", "/Users")).body.totalResults).toBe(0);
    expect(
      (await scim(a.token, "GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body
        .totalResults,
    ).toBe(0);
    expect((await scim(a.token, "GET", "/Groups")).body.totalResults).toBe(0);

    // Every verb on the other org's ids answers 404 and changes nothing.
    const attempts: [string, string, unknown?][] = [
      ["GET", `/Users/${bUser}`],
      ["PUT", `/Users/${bUser}`, { userName, active: false }],
      ["PATCH", `/Users/${bUser}`, { schemas: [PATCH], Operations: [{ op: "replace", value: { active: false } }] }],
      ["DELETE", `/Users/${bUser}`],
      ["GET", `/Groups/${bGroup}`],
      ["PUT", `/Groups/${bGroup}`, { displayName: "taken over" }],
      ["PATCH", `/Groups/${bGroup}`, { schemas: [PATCH], Operations: [{ op: "remove", path: "members" }] }],
      ["DELETE", `/Groups/${bGroup}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await scim(a.token, method, path, body);
      expect([method, path, res.status, res.body.status]).toEqual([method, path, 404, "404"]);
    }
    const still = await scim(b.token, "GET", `/Users/${bUser}`);
    expect(still.body).toMatchObject({ active: true, meta: { version: 'W/"1"' } });
    expect((await scim(b.token, "GET", `/Groups/${bGroup}`)).body).toMatchObject({
      displayName: "B team",
      members: [{ value: bUser }],
    });

    // Nor can org A put org B's user into its own group.
    const own = await scim(a.token, "POST", "/Groups", { displayName: "A team", members: [{ value: bUser }] });
    expect(own.body).toMatchObject({ status: "400", scimType: "invalidValue" });

    // The same userName may exist in both orgs: they are separate resources.
    const aUser = (await scim(a.token, "POST", "/Users", { userName })).body.id as string;
    expect((await scim(b.token, "GET", "/Users")).body.totalResults).toBe(1);

    // Deactivating it in org A ends the membership in A, but cannot sign the person out
    // of org B, nor touch B's membership.
    const account = await db.admin.user.findUniqueOrThrow({ where: { email: userName } });
    await db.admin.session.create({
      data: { sessionToken: `s-${a.org.slug}`, userId: account.id, expires: new Date(Date.now() + 86_400_000) },
    });
    await scim(a.token, "PATCH", `/Users/${aUser}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(await db.admin.membership.findMany({ where: { userId: account.id }, select: { orgId: true } })).toEqual([
      { orgId: b.org.id },
    ]);
    expect(await db.admin.session.count({ where: { userId: account.id } })).toBe(1);
  });

  it("answers concurrent creates of one userName with one 201 and one 409, and a bad id segment with 400", async () => {
    const { token } = await orgWithScim();
    const userName = `race.${Date.now()}@example.test`;
    const both = await Promise.all([1, 2].map(() => scim(token, "POST", "/Users", { userName })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.scimType).toBe("uniqueness");
    expect((await scim(token, "GET", "/Users/%E0%A4%A")).status).toBe(400);
  });

  it("answers 404 for unknown endpoints and 405 for unsupported methods", async () => {
    const { token } = await orgWithScim();
    expect((await scim(token, "GET", "/Bulk")).status).toBe(404);
    const put = await scim(token, "PUT", "/Users", {});
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });

  it("a user beyond the org's member limit is refused with 403 in SCIM's error schema, and nothing is stored", async () => {
    const a = await orgWithScim();
    // SCIM is Enterprise, which has no plan limit: a member cap on the billing row stands in
    // for one (the check is the same row and the same code as the Free plan's).
    const limit = planByKey("free").memberLimit!;
    await db.admin.orgBilling.update({ where: { orgId: a.org.id }, data: { memberLimit: limit } });
    for (let i = 1; i < limit; i++) await makeMember(db, a.org.id, (await makeUser(db)).id);
    const refused = await scim(a.token, "POST", "/Users", { userName: `over.${a.org.slug}@example.test` });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: "403", detail: expect.stringContaining(`allows ${limit} members`) });
    expect((await scim(a.token, "GET", "/Users")).body.totalResults).toBe(0);
    expect(await a.tdb.membership.count()).toBe(limit);
  });

  it("an org that left Enterprise keeps its SCIM token, but SCIM answers 403 in SCIM's error schema and changes nothing", async () => {
    const a = await orgWithScim();
    const before = await scim(a.token, "POST", "/Users", { userName: `kept.${a.org.slug}@example.test` });
    expect(before.status).toBe(201);
    for (const plan of ["team", "free"] as const) {
      await setOrgPlan(db, a.org.id, plan);
      const refused = await scim(a.token, "POST", "/Users", { userName: `after.${plan}.${a.org.slug}@example.test` });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
        status: "403",
        detail: expect.stringContaining("SCIM provisioning is part of the Enterprise plan"),
      });
      expect((await scim(a.token, "GET", "/Users")).status).toBe(403);
      expect(await a.tdb.membership.count()).toBe(2);
    }
    // Back on Enterprise, the same token works again: nothing was revoked.
    await setOrgPlan(db, a.org.id, "enterprise");
    expect((await scim(a.token, "GET", "/Users")).body.totalResults).toBe(1);
  });

  it("an Enterprise whose payment lapsed keeps deprovisioning over SCIM, and refuses everything else", async () => {
    const a = await orgWithScim();
    const users = [];
    for (const name of ["stays", "leaves", "deleted"]) {
      const created = await scim(a.token, "POST", "/Users", { userName: `${name}.${a.org.slug}@example.test` });
      expect(created.status).toBe(201);
      users.push(created.body.id as string);
    }
    const [stays, leaves, deleted] = users;
    await db.admin.orgBilling.update({
      where: { orgId: a.org.id },
      data: { status: "past_due", graceEndsAt: new Date(Date.now() - 86_400_000) },
    });
    const suspended = expect.stringContaining("SCIM provisioning is suspended");
    const create = await scim(a.token, "POST", "/Users", { userName: `new.${a.org.slug}@example.test` });
    expect(create).toMatchObject({ status: 403, body: { status: "403", detail: suspended } });
    const rename = await scim(a.token, "PATCH", `/Users/${stays}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "displayName", value: "Renamed" }],
    });
    expect(rename.status).toBe(403);
    const group = await scim(a.token, "POST", "/Groups", { displayName: "Lapsed" });
    expect(group.status).toBe(403);
    // A leaver is still deactivated or deleted: an unpaid invoice keeps nobody in.
    const deactivate = await scim(a.token, "PATCH", `/Users/${leaves}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    expect(deactivate.status).toBe(200);
    expect((await scim(a.token, "DELETE", `/Users/${deleted}`)).status).toBe(204);
    expect((await scim(a.token, "GET", "/Users")).body.totalResults).toBe(2);
    // Owner plus the one user still active.
    expect(await a.tdb.membership.count()).toBe(2);
  });
});
