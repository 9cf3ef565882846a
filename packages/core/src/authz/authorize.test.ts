import { describe, expect, it } from "vitest";
import type { Role } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, can, type OrgPolicy } from "./authorize";
import type { Permission } from "./permissions";
import type { ScimPrincipal, TokenPrincipal, UserPrincipal } from "./principal";

const user = (role: Role): UserPrincipal => ({ type: "user", userId: "u1", email: "u1@example.test", role });
const token = (scopes: TokenPrincipal["scopes"], creatorRole: Role | null): TokenPrincipal => ({
  type: "token",
  tokenId: "t1",
  name: "ci",
  prefix: "sdt_abc",
  scopes,
  creator: { userId: "u1", role: creatorRole },
});

describe("authorize", () => {
  it.each<[Role, Permission, boolean]>([
    ["MEMBER", "catalog.read", true],
    ["MEMBER", "catalog.import", false],
    ["MEMBER", "audit.read", false],
    ["MEMBER", "tokens.manage", false],
    ["ADMIN", "catalog.import", true],
    ["ADMIN", "integrations.manage", true],
    ["ADMIN", "members.manage-owners", false],
    ["OWNER", "members.manage-owners", true],
  ])("a %s may %s: %s", (role, permission, allowed) => {
    expect(can(user(role), permission)).toBe(allowed);
  });

  it("refuses with FORBIDDEN and says who may", () => {
    expect(() => authorize(user("MEMBER"), "audit.read")).toThrow(
      new AppError("FORBIDDEN", "Only admins can read the audit log."),
    );
    expect(() => authorize(user("ADMIN"), "members.manage-owners")).toThrow(/Only owners can/);
  });

  it("gives a token only what its scopes allow, write implying read, and never member management", () => {
    expect(can(token(["catalog:read"], "OWNER"), "catalog.read")).toBe(true);
    expect(can(token(["catalog:read"], "OWNER"), "catalog.import")).toBe(false);
    expect(can(token(["catalog:write"], "OWNER"), "catalog.read")).toBe(true);
    expect(can(token(["catalog:write"], "OWNER"), "catalog.import")).toBe(true);
    expect(can(token(["catalog:write"], "OWNER"), "tokens.manage")).toBe(false);
    expect(() => authorize(token(["catalog:read"], "OWNER"), "catalog.import")).toThrow(
      /needs the catalog:write scope/,
    );
  });

  it("never lets a token do more than its creator's current role, nor anything once the creator left", () => {
    expect(can(token(["catalog:write"], "MEMBER"), "catalog.read")).toBe(true);
    expect(() => authorize(token(["catalog:write"], "MEMBER"), "catalog.import")).toThrow(/creator is now a member/);
    expect(() => authorize(token(["catalog:read"], null), "catalog.read")).toThrow(/no longer a member/);
    expect(can({ ...token(["catalog:read"], "OWNER"), creator: null }, "catalog.read")).toBe(false);
  });

  it("lets org policies (entitlements, SSO) take permissions away, never grant them", () => {
    const noImports: OrgPolicy = (_p, permission) =>
      permission === "catalog.import" ? "Imports need the Catalog plan." : null;
    const allowAll: OrgPolicy = () => null;
    expect(can(user("OWNER"), "catalog.import", { policies: [allowAll] })).toBe(true);
    expect(() => authorize(user("OWNER"), "catalog.import", { policies: [noImports] })).toThrow(
      "Imports need the Catalog plan.",
    );
    expect(can(user("OWNER"), "catalog.read", { policies: [noImports] })).toBe(true);
    expect(can(user("MEMBER"), "audit.read", { policies: [allowAll] })).toBe(false);
  });

  it("lets a SCIM client provision and nothing else, and no member provision over SCIM", () => {
    const scim: ScimPrincipal = { type: "scim", tokenId: "s1", name: "Okta", prefix: "sdscim_abc" };
    expect(can(scim, "scim.provision")).toBe(true);
    for (const p of ["catalog.read", "members.read", "members.manage", "scim.manage", "tokens.manage"] as const) {
      expect(can(scim, p)).toBe(false);
    }
    expect(() => authorize(scim, "catalog.read")).toThrow("A SCIM token may not read the catalog.");
    expect(can(user("ADMIN"), "scim.manage")).toBe(true);
    expect(can(user("MEMBER"), "scim.manage")).toBe(false);
    expect(() => authorize(user("OWNER"), "scim.provision")).toThrow(/Only identity providers/);
  });
});
