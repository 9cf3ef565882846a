import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, makeOrg, makeUser, setOrgPlan, testDatabase } from "@stagedoor/db/testing";
import type { Role } from "@stagedoor/db";
import type { UserPrincipal } from "../authz";
import { createSecretBox, parseKeyring } from "../secrets";
import { getSsoSettings, saveOidcConnection, setRequireSso, setSsoEnabled } from "./connection";
import { addDomain, homeRealmFor, operatorVerifyDomain, verifyDomain } from "./domains";
import { checkSsoSignIn, loadSsoProvider, provisionSsoMember, recordSsoTest } from "./sign-in";
import type { SsoDeps } from "./deps";
import { planByKey } from "../billing/plans";

const db = testDatabase();
const deps: SsoDeps = {
  secrets: createSecretBox(parseKeyring(process.env.SECRETS_KEYS ?? "")),
  allowPrivateNetworks: true,
};

// A discovery endpoint per path: /good states its own issuer, /liar states another one.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, name] = /^\/(\w+)\/\.well-known\/openid-configuration$/.exec(req.url ?? "") ?? [];
    if (!name) return res.writeHead(404).end();
    const issuer = name === "liar" ? "https://elsewhere.example" : `${base}/${name}`;
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function orgWith(role: Role = "OWNER") {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, role);
  const actor: UserPrincipal = { type: "user", userId: user.id, email: user.email, role };
  return { org, tdb: db.forOrg(org.id), actor };
}

const input = (path = "good") => ({ issuer: `${base}/${path}`, clientId: "stagedoor", clientSecret: "s3cret-value" });

describe("OIDC connection settings", () => {
  it("checks discovery, seals the secret and never shows it", async () => {
    const { org, tdb, actor } = await orgWith();
    const view = await saveOidcConnection(tdb, actor, deps, input());
    expect(view).toMatchObject({
      issuer: `${base}/good`,
      clientId: "stagedoor",
      status: "draft",
      hasClientSecret: true,
    });
    expect(JSON.stringify(view)).not.toContain("s3cret");
    const row = await db.admin.ssoConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.clientSecretCiphertext).not.toContain("s3cret");
    expect((await loadSsoProvider(db, deps, org.slug))?.clientSecret).toBe("s3cret-value");
    expect(JSON.stringify(await getSsoSettings(tdb, actor))).not.toContain("s3cret");
  });

  it("names a wrong issuer and a missing discovery document", async () => {
    const { tdb, actor } = await orgWith();
    await expect(saveOidcConnection(tdb, actor, deps, input("liar"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Wrong issuer"),
    });
    await expect(
      saveOidcConnection(tdb, actor, deps, { ...input(), issuer: `${base}/nothing/here` }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("404") });
  });

  it("refuses a private issuer unless the operator allows private networks", async () => {
    const { tdb, actor } = await orgWith();
    await expect(
      saveOidcConnection(
        tdb,
        actor,
        { ...deps, allowPrivateNetworks: false },
        { ...input(), issuer: "https://10.0.0.1/x" },
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a public address") });
  });

  it("is for admins only, and one org never sees another's connection", async () => {
    const a = await orgWith();
    const member = await orgWith("MEMBER");
    await expect(saveOidcConnection(member.tdb, member.actor, deps, input())).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await saveOidcConnection(a.tdb, a.actor, deps, input());
    const b = await orgWith();
    expect((await getSsoSettings(b.tdb, b.actor)).connection).toBeNull();
    expect(await b.tdb.ssoConnection.count()).toBe(0);
  });

  it("switches on only after a successful test sign-in, and require SSO only when on", async () => {
    const { org, tdb, actor } = await orgWith();
    await setOrgPlan(db, org.id, "enterprise"); // requiring SSO is Enterprise (plan-capabilities tests)
    await saveOidcConnection(tdb, actor, deps, input());
    await expect(setRequireSso(tdb, actor, true)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(setSsoEnabled(tdb, actor, true)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await recordSsoTest(db, org.id, { ok: false, message: "clock skew" });
    expect((await getSsoSettings(tdb, actor)).connection).toMatchObject({ status: "draft", lastError: "clock skew" });
    await recordSsoTest(db, org.id, { ok: true, email: "admin@example.com" });
    expect((await setSsoEnabled(tdb, actor, true)).status).toBe("enabled");
    await setRequireSso(tdb, actor, true);
    expect((await getSsoSettings(tdb, actor)).requireSso).toBe(true);
    // Changing the client puts it back to draft and off; members are not locked out.
    await saveOidcConnection(tdb, actor, deps, { ...input(), clientSecret: "new-secret" });
    expect(await getSsoSettings(tdb, actor)).toMatchObject({ requireSso: false, connection: { status: "draft" } });
  });
});

describe("verified domains and home-realm discovery", () => {
  const domain = () => `d${Math.random().toString(36).slice(2, 10)}.example.com`;

  it("verifies by TXT record, once per domain across orgs, and routes emails to the org's IdP", async () => {
    const a = await orgWith();
    const name = domain();
    const pending = await addDomain(a.tdb, a.actor, `  ${name.toUpperCase()} `);
    expect(pending.record.name).toBe(`_stagedoor-challenge.${name}`);
    const none = async () => [["unrelated"]];
    await expect(verifyDomain(a.tdb, a.actor, pending.id, none)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const published = async (n: string) =>
      n === pending.record.name ? [[pending.record.value.slice(0, 10), pending.record.value.slice(10)]] : [];
    expect((await verifyDomain(a.tdb, a.actor, pending.id, published)).verifiedBy).toBe("dns");

    // No enabled connection yet: no home realm.
    expect(await homeRealmFor(db, `alice@${name}`)).toBeNull();
    await saveOidcConnection(a.tdb, a.actor, deps, input());
    await recordSsoTest(db, a.org.id, { ok: true, email: `alice@${name}` });
    await setSsoEnabled(a.tdb, a.actor, true);
    expect(await homeRealmFor(db, `Alice@${name.toUpperCase()}`)).toEqual({ slug: a.org.slug, name: a.org.name });

    const b = await orgWith();
    const claim = await addDomain(b.tdb, b.actor, name);
    await expect(verifyDomain(b.tdb, b.actor, claim.id, async () => [[claim.record.value]])).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(verifyDomain(b.tdb, b.actor, pending.id, published)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("has an operator override", async () => {
    const a = await orgWith();
    const name = domain();
    expect((await operatorVerifyDomain(db, a.org.slug, name)).verifiedBy).toBe("operator");
  });
});

describe("signing in through an org's IdP", () => {
  async function enabledOrg() {
    const a = await orgWith();
    const name = `d${Math.random().toString(36).slice(2, 10)}.example.com`;
    await operatorVerifyDomain(db, a.org.slug, name);
    await saveOidcConnection(a.tdb, a.actor, deps, {
      ...input(),
      groupsClaim: "groups",
      groupRoles: { "portal-admins": "ADMIN" },
    });
    await recordSsoTest(db, a.org.id, { ok: true, email: `x@${name}` });
    await setSsoEnabled(a.tdb, a.actor, true);
    return { ...a, domain: name };
  }

  it("refuses a missing or unverified email and an address outside the org's verified domains", async () => {
    const a = await enabledOrg();
    expect(await checkSsoSignIn(db, a.org.id, {}, "sign-in")).toMatchObject({ ok: false, reason: "missing_email" });
    expect(
      await checkSsoSignIn(db, a.org.id, { email: `bo@${a.domain}`, email_verified: false }, "sign-in"),
    ).toMatchObject({ ok: false, reason: "unverified_email" });
    expect(
      await checkSsoSignIn(db, a.org.id, { email: "bo@other-org.example", email_verified: true }, "sign-in"),
    ).toMatchObject({ ok: false, reason: "domain_not_verified" });
    expect(await checkSsoSignIn(db, a.org.id, { email: `Bo@${a.domain}`, email_verified: true }, "sign-in")).toEqual({
      ok: true,
      email: `bo@${a.domain}`,
    });
    // Another org's IdP may not sign in this org's addresses.
    const b = await enabledOrg();
    expect(
      await checkSsoSignIn(db, b.org.id, { email: `bo@${a.domain}`, email_verified: true }, "sign-in"),
    ).toMatchObject({ ok: false, reason: "domain_not_verified" });
  });

  it("provisions a member just in time, with the mapped group's role", async () => {
    const a = await enabledOrg();
    const user = await makeUser(db, { email: `jit-${Date.now()}@${a.domain}` });
    const who = { userId: user.id, email: user.email };
    const asked: string[] = [];
    const seats = { enqueue: async (name: string) => void asked.push(name) };
    expect(await provisionSsoMember(db, a.org.id, who, { groups: ["devs"] }, seats)).toMatchObject({
      role: "MEMBER",
      created: true,
    });
    expect(await provisionSsoMember(db, a.org.id, who, { groups: ["devs", "portal-admins"] }, seats)).toMatchObject({
      role: "ADMIN",
      created: false,
    });
    // Only the new member changes the seat count.
    expect(asked).toEqual(["billing.syncSeats"]);
    const audit = await a.tdb.auditLog.findMany({ where: { action: "sso.member_provisioned" } });
    expect(audit).toMatchObject([{ target: user.email, data: { role: "MEMBER" } }]);
  });

  it("refuses a just-in-time member beyond the plan's member limit, and adds nobody", async () => {
    const a = await enabledOrg();
    const limit = planByKey("free").memberLimit!;
    const present = await a.tdb.membership.count();
    for (let i = present; i < limit; i++) await makeMember(db, a.org.id, (await makeUser(db)).id);
    const user = await makeUser(db, { email: `late-${Date.now()}@${a.domain}` });
    await expect(
      provisionSsoMember(db, a.org.id, { userId: user.id, email: user.email }, {}, { enqueue: async () => {} }),
    ).rejects.toThrow(`The Free plan allows ${limit} members`);
    expect(await a.tdb.membership.count()).toBe(limit);
  });
});
