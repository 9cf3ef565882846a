import { describe, expect, it } from "vitest";
import { createApiToken } from "@stagedoor/core";
import { db, orgWithScim, scim } from "../../testing/scim";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const filter = (f: string) => `filter=${encodeURIComponent(f)}`;

// The requests Microsoft Entra ID's provisioning service sends, as its SCIM guide and
// validator show them: capitalised ops, filtered paths, booleans as strings.
describe("SCIM: Entra ID's request sequence", () => {
  it("creates, looks up by externalId, patches attributes and disables a signed-in user", async () => {
    const { org, tdb, token } = await orgWithScim();
    const userName = `Test_User_${org.slug}@contoso.example`;
    expect((await scim(token, "GET", `/Users?${filter(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);

    const created = await scim(token, "POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName,
      active: true,
      emails: [{ primary: true, type: "work", value: userName }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      roles: [],
      [ENTERPRISE]: { department: "Engineering" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const byExternalId = await scim(
      token,
      "GET",
      `/Users?${filter('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`,
    );
    expect(byExternalId.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    const both = `userName eq "${userName}" and externalId eq "nope"`;
    expect((await scim(token, "GET", `/Users?${filter(both)}`)).body.totalResults).toBe(0);
    const unsupported = await scim(token, "GET", `/Users?${filter('userName sw "Test"')}`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.body).toMatchObject({ status: "400", scimType: "invalidFilter" });

    const patched = await scim(token, "PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: userName.toLowerCase() },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
        { op: "Add", path: "displayName", value: "Updated Name" },
        { op: "Add", path: `${ENTERPRISE}:manager`, value: "someone" },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      displayName: "Updated Name",
      name: { familyName: "updatedFamilyName", givenName: "givenName" },
      emails: [{ primary: true, type: "work", value: userName.toLowerCase() }],
    });

    const byEmail = await scim(token, "GET", `/Users?${filter(`emails.value eq "${userName.toLowerCase()}"`)}`);
    expect(byEmail.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);

    // The person signs in and creates an API token, then Entra disables them.
    const account = await db.admin.user.findUniqueOrThrow({ where: { email: userName.toLowerCase() } });
    await tdb.membership.updateMany({ where: { userId: account.id }, data: { role: "ADMIN" } });
    await db.admin.session.create({
      data: { sessionToken: `s-${org.slug}`, userId: account.id, expires: new Date(Date.now() + 86_400_000) },
    });
    const member = { type: "user" as const, userId: account.id, email: account.email, role: "ADMIN" as const };
    const { apiToken } = await createApiToken(tdb, member, { name: "laptop", scopes: ["catalog:read"] });

    const disabled = await scim(token, "PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect(await db.admin.session.count({ where: { userId: account.id } })).toBe(0);
    expect((await db.admin.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await tdb.membership.count({ where: { userId: account.id } })).toBe(0);
    expect(await tdb.auditLog.count({ where: { action: "scim.user_deactivated", target: userName } })).toBe(1);
    // Entra's validator reads the disabled user back and expects `active` there.
    const readBack = await scim(token, "GET", `/Users?${filter(`userName eq "${userName}"`)}`);
    expect(readBack.body.Resources[0].active).toBe(false);

    expect((await scim(token, "DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await scim(token, "GET", `/Users/${id}`)).body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "404",
      detail: `User ${id} not found.`,
    });
  });

  it("creates a group, finds it by displayName without members, and patches membership", async () => {
    const { token } = await orgWithScim();
    const u = (await scim(token, "POST", "/Users", { userName: `g.${Date.now()}@contoso.example` })).body.id as string;
    const group = await scim(token, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Group1DisplayName",
      meta: { resourceType: "Group" },
    });
    expect(group.status).toBe(201);
    const gid = group.body.id as string;

    const found = await scim(
      token,
      "GET",
      `/Groups?excludedAttributes=members&${filter('displayName eq "Group1DisplayName"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).not.toHaveProperty("members");

    const add = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "Add", path: "members", value: [{ $ref: null, value: u }] }],
    });
    expect(add.body.members.map((m: { value: string }) => m.value)).toEqual([u]);
    const filtered = await scim(token, "GET", `/Groups/${gid}?excludedAttributes=members`);
    expect(filtered.body).not.toHaveProperty("members");

    const remove = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "Remove", path: "members", value: [{ $ref: null, value: u }] }],
    });
    expect(remove.body.members).toEqual([]);
    const rename = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "displayName", value: "Group1 Renamed" }],
    });
    expect(rename.body).toMatchObject({ displayName: "Group1 Renamed", meta: { version: 'W/"4"' } });

    const unknown = await scim(token, "PATCH", `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: "Add", path: "members", value: [{ value: "not-a-user" }] }],
    });
    expect(unknown.body).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  it("answers the discovery endpoints", async () => {
    const { token } = await orgWithScim();
    const config = await scim(token, "GET", "/ServiceProviderConfig");
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
    });
    const types = await scim(token, "GET", "/ResourceTypes");
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    const schemas = await scim(token, "GET", "/Schemas");
    expect(schemas.body.Resources.map((r: { id: string }) => r.id)).toEqual([
      USER,
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    expect((await scim(token, "GET", `/Schemas/${USER}`)).body.name).toBe("User");
  });
});
