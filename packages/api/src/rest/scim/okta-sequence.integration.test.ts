import { describe, expect, it } from "vitest";
import { getEntity } from "@stagedoor/core";
import { db, orgWithScim, pendingRefreshes, runCatalogRefreshes, scim, seatSyncRequests } from "../../testing/scim";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

// The requests Okta's SCIM 2.0 guide documents, in the order Okta sends them.
describe("SCIM: Okta's request sequence", () => {
  it("looks up, creates, reads, updates with PUT and deactivates a user", async () => {
    const { org, tdb, token } = await orgWithScim();
    const userName = `okta.user.${org.slug}@example.test`;

    // Okta's connection test, then the existence check before creating.
    expect((await scim(token, "GET", "/Users?startIndex=1&count=2")).body).toMatchObject({ totalResults: 0 });
    const lookup = await scim(
      token,
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(lookup.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });

    const created = await scim(token, "POST", "/Users", {
      schemas: [USER],
      userName,
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      password: "1mz050nq",
      active: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [USER],
      userName,
      active: true,
      externalId: "00ujl29u0le5T6Aj10h7",
      meta: { resourceType: "User", version: 'W/"1"', location: `http://localhost/api/scim/v2/Users/${id}` },
    });
    expect(created.headers.get("etag")).toBe('W/"1"');
    expect(JSON.stringify(created.body)).not.toContain("1mz050nq");

    // Provisioned: the person is now a member of the org at once, and a User entity in the
    // catalog once the refresh the write asked for has run.
    const account = await db.admin.user.findUniqueOrThrow({ where: { email: userName } });
    expect(await tdb.membership.findFirst({ where: { userId: account.id }, select: { role: true } })).toEqual({
      role: "MEMBER",
    });
    const ref = `user:default/${userName.replace("@", "_")}`;
    const owner = { type: "user" as const, userId: account.id, email: userName, role: "MEMBER" as const };
    await expect(getEntity(tdb, owner, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runCatalogRefreshes(org.id)).toBe(1);
    expect((await getEntity(tdb, owner, ref)).entity).toMatchObject({
      kind: "User",
      spec: { profile: { displayName: "Test User", email: userName } },
    });

    // The same userName again (any case) is a uniqueness conflict.
    const again = await scim(token, "POST", "/Users", { schemas: [USER], userName: userName.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "409",
      scimType: "uniqueness",
      detail: expect.stringContaining("already exists"),
    });

    const found = await scim(
      token,
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);
    expect((await scim(token, "GET", `/Users/${id}`)).body.name).toEqual({ givenName: "Test", familyName: "User" });

    // Okta updates profiles with PUT, the whole resource.
    const put = await scim(token, "PUT", `/Users/${id}`, {
      schemas: [USER],
      id,
      userName,
      name: { givenName: "Another", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Another User",
      active: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ displayName: "Another User", meta: { version: 'W/"2"' } });

    // A stale If-Match is refused, the current one accepted.
    const stale = await scim(token, "PUT", `/Users/${id}`, { userName, active: true }, { "if-match": 'W/"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.status).toBe("412");
    expect((await scim(token, "GET", `/Users/${id}`, undefined, { "if-none-match": 'W/"2"' })).status).toBe(304);

    // Deactivation: Okta's no-path replace.
    const off = await scim(token, "PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, meta: { version: 'W/"3"' } });
    expect(await tdb.membership.count({ where: { userId: account.id } })).toBe(0);
    // Creating and deactivating each changed the member count: each asked for a seat sync.
    expect(seatSyncRequests.filter((o) => o === org.id)).toHaveLength(2);
    // The catalog's SCIM source no longer emits them: orphaned, like any entity a source drops.
    await runCatalogRefreshes(org.id);
    expect((await tdb.catalogEntity.findFirstOrThrow({ where: { ref } })).orphanedAt).toBeInstanceOf(Date);

    // Reactivation brings the membership back.
    await scim(token, "PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: true } }],
    });
    expect(await tdb.membership.count({ where: { userId: account.id } })).toBe(1);
  });

  it("creates a group, renames it, and adds and removes members", async () => {
    const { token, tdb, org } = await orgWithScim();
    const users = [];
    for (const n of [1, 2]) {
      const res = await scim(token, "POST", "/Users", { userName: `m${n}.${Date.now()}@example.test`, active: true });
      users.push(res.body.id as string);
    }
    expect((await scim(token, "GET", "/Groups?startIndex=1&count=100")).body.totalResults).toBe(0);
    const group = await scim(token, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Test SCIMv2",
      members: [],
    });
    expect(group.status).toBe(201);
    const gid = group.body.id as string;

    const renamed = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { id: gid, displayName: "Test SCIMv2 Renamed" } }],
    });
    expect(renamed.body.displayName).toBe("Test SCIMv2 Renamed");

    const added = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "add", path: "members", value: users.map((value) => ({ value, display: value })) }],
    });
    expect(added.body.members.map((m: { value: string }) => m.value).sort()).toEqual([...users].sort());
    const user = await scim(token, "GET", `/Users/${users[0]}`);
    expect(user.body.groups).toEqual([
      { value: gid, display: "Test SCIMv2 Renamed", $ref: `http://localhost/api/scim/v2/Groups/${gid}` },
    ]);

    const removed = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "remove", path: `members[value eq "${users[0]}"]` }],
    });
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([users[1]]);

    // The writes asked for delayed refreshes, one per window (coalescing: catalog-refresh.test.ts).
    const ours = [...pendingRefreshes.values()].filter((p) => (p.data as { orgId: string }).orgId === org.id);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((p) => p.name === "scim.refreshCatalog" && p.delayMs! > 0)).toBe(true);
    await runCatalogRefreshes(org.id);

    const entity = await tdb.catalogEntity.findFirstOrThrow({
      where: { kind: "group", orphanedAt: null },
      select: { name: true, entity: true },
    });
    expect(entity.name).toBe("test_scimv2_renamed");
    expect((entity.entity as { spec: { members: string[] } }).spec.members).toHaveLength(1);

    expect((await scim(token, "DELETE", `/Groups/${gid}`)).status).toBe(204);
    expect((await scim(token, "GET", `/Groups/${gid}`)).status).toBe(404);
    await runCatalogRefreshes(org.id);
    expect(await tdb.catalogEntity.count({ where: { kind: "group", orphanedAt: null } })).toBe(0);
  });
});
