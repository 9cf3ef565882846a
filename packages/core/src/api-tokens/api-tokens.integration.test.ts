import { describe, it, expect } from "vitest";
import { makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../authz";
import {
  authenticateApiToken,
  createApiToken,
  forgetVerifiedTokens,
  hashApiToken,
  listApiTokens,
  revokeApiToken,
} from "./api-tokens";

const db = testDatabase();

async function orgWithAdmin() {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  const admin: UserPrincipal = { type: "user", userId: user.id, email: user.email, role: "ADMIN" };
  return { org, tdb: db.forOrg(org.id), admin };
}

describe("API tokens", () => {
  it("returns the token once and stores only its hash and a display prefix", async () => {
    const { org, tdb, admin } = await orgWithAdmin();
    const { token, apiToken } = await createApiToken(tdb, admin, { name: " CI push ", scopes: ["catalog:write"] });
    expect(token).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: "CI push",
      prefix: token.slice(0, 12),
      scopes: ["catalog:write"],
      revokedAt: null,
    });
    const row = await db.admin.apiToken.findFirstOrThrow({ where: { orgId: org.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await listApiTokens(tdb, admin);
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("tokenHash");
    const audit = await tdb.auditLog.findMany({ where: { action: "api_token.created" } });
    expect(audit).toMatchObject([{ target: "CI push", actorEmail: admin.email }]);
  });

  it("authenticates to the token's org and scopes, and records use", async () => {
    const { org, tdb, admin } = await orgWithAdmin();
    const { token, apiToken } = await createApiToken(tdb, admin, { name: "reader", scopes: ["catalog:read"] });
    expect(await authenticateApiToken(db, token)).toMatchObject({
      type: "token",
      orgId: org.id,
      tokenId: apiToken.id,
      scopes: ["catalog:read"],
    });
    expect((await db.admin.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toBeInstanceOf(Date);
    expect(await authenticateApiToken(db, `${token}x`)).toBeNull();
    expect(await authenticateApiToken(db, "not-a-token")).toBeNull();
  });

  it("stops authenticating a revoked token at once, and audits the revocation", async () => {
    const { tdb, admin } = await orgWithAdmin();
    const { token, apiToken } = await createApiToken(tdb, admin, { name: "old", scopes: ["catalog:read"] });
    expect(await authenticateApiToken(db, token)).not.toBeNull();
    await revokeApiToken(tdb, admin, apiToken.id);
    expect(await authenticateApiToken(db, token)).toBeNull();
    await expect(revokeApiToken(tdb, admin, apiToken.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await tdb.auditLog.count({ where: { action: "api_token.revoked", target: "old" } })).toBe(1);
  });

  it("a revoked token is refused by other processes once their cache window ends", async () => {
    const { tdb, admin } = await orgWithAdmin();
    const { token, apiToken } = await createApiToken(tdb, admin, { name: "x", scopes: ["catalog:read"] });
    await authenticateApiToken(db, token);
    // Another process revokes it: the row changes, this process's memory does not.
    await db.admin.apiToken.update({ where: { id: apiToken.id }, data: { revokedAt: new Date() } });
    forgetVerifiedTokens();
    expect(await authenticateApiToken(db, token)).toBeNull();
  });

  it("lets only admins create and revoke, and refuses bad input", async () => {
    const { tdb, admin } = await orgWithAdmin();
    const member: UserPrincipal = { ...admin, role: "MEMBER" };
    await expect(createApiToken(tdb, member, { name: "x", scopes: ["catalog:read"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createApiToken(tdb, admin, { name: "x", scopes: ["admin:all"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(createApiToken(tdb, admin, { name: "  ", scopes: ["catalog:read"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { apiToken } = await createApiToken(tdb, admin, { name: "y", scopes: ["catalog:read"] });
    await expect(revokeApiToken(tdb, member, apiToken.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps each org's tokens to itself", async () => {
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    const { apiToken } = await createApiToken(a.tdb, a.admin, { name: "a-token", scopes: ["catalog:read"] });
    expect(await listApiTokens(b.tdb, b.admin)).toEqual([]);
    await expect(revokeApiToken(b.tdb, b.admin, apiToken.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listApiTokens(a.tdb, a.admin)).map((t) => t.revokedAt)).toEqual([null]);
  });
});
