import { describe, expect, it } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { authenticateApiToken, createApiToken } from "../api-tokens/api-tokens";
import { refusal, type TokenPrincipal, type UserPrincipal } from "../authz";
import { PLUGINS } from "../plugins/registry";
import { pluginPermission } from "../plugins/permissions";
import { loadOrgContext } from "./license-policy";
import { assignLicenses, releaseLicenses } from "./licenses";
import { startPluginTrial } from "./overview";

const db = testDatabase();

/** An org on its plugin trial with two admins; each creates a catalog token. */
async function orgWithTokens() {
  const org = await makeOrg(db);
  const tenant = db.forOrg(org.id);
  const people = await Promise.all(
    ["alice", "bob"].map(async () => {
      const user = await makeUser(db);
      await makeMember(db, org.id, user.id, "ADMIN");
      const principal: UserPrincipal = { type: "user", userId: user.id, email: user.email, role: "ADMIN" };
      const { token } = await createApiToken(tenant, principal, { name: "ci", scopes: ["catalog:read"] });
      const verified = (await authenticateApiToken(db, token))!;
      const { orgId: _, ...asToken } = verified;
      return { principal, token: asToken as TokenPrincipal };
    }),
  );
  const [alice, bob] = people as [(typeof people)[0], (typeof people)[0]];
  await startPluginTrial(tenant, alice.principal);
  await assignLicenses(tenant, alice.principal, { pluginKey: "scorecards", userIds: [alice.principal.userId] });
  return { org, tenant, alice, bob };
}

/** What the license policy alone says (authorize's scope check would refuse every plugin to a token first). */
const policySays = async (tenant: ReturnType<typeof db.forOrg>, token: TokenPrincipal, key = "scorecards" as const) => {
  const context = await loadOrgContext(tenant, token);
  return context.policies![0]!(token, pluginPermission(key, "read"));
};

describe("API tokens and premium plugin licenses", () => {
  it("no token reaches a premium plugin: no scope grants one, whoever created it", async () => {
    const { tenant, alice, bob } = await orgWithTokens();
    for (const { token } of [alice, bob]) {
      const context = await loadOrgContext(tenant, token);
      for (const plugin of PLUGINS)
        for (const access of ["read", "write"] as const)
          expect(refusal(token, pluginPermission(plugin.key, access), context)).toMatch(/^API tokens may not /);
    }
  });

  it("the license policy judges a token by its creator's seat, read at each use", async () => {
    const { tenant, alice, bob } = await orgWithTokens();
    expect(await policySays(tenant, alice.token)).toBeNull();
    expect(await policySays(tenant, bob.token)).toBe(
      "This API token may not use Scorecards: its creator holds no Scorecards license.",
    );
    // The token principal is cached by authenticateApiToken; the seat is not.
    await releaseLicenses(tenant, alice.principal, { pluginKey: "scorecards", userIds: [alice.principal.userId] });
    expect(await policySays(tenant, alice.token)).toMatch(/its creator holds no Scorecards license/);
  });

  it("a token never borrows a seat from another org", async () => {
    const { alice } = await orgWithTokens();
    const other = await makeOrg(db);
    const owner = await makeUser(db);
    await makeMember(db, other.id, owner.id, "OWNER");
    const otherTenant = db.forOrg(other.id);
    const otherOwner: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
    await startPluginTrial(otherTenant, otherOwner);
    // Alice holds a Scorecards seat in her org; read through the other org, she holds none.
    expect(await policySays(otherTenant, alice.token)).toMatch(/its creator holds no Scorecards license/);
  });
});
