import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { Role } from "@stagedoor/db";
import type { UserPrincipal } from "../authz";
import { createSecretBox, parseKeyring } from "../secrets";
import { getSsoSettings, saveOidcConnection, saveSamlConnection, setSsoEnabled } from "./connection";
import { operatorVerifyDomain } from "./domains";
import { loadSsoProvider, provisionSsoMember, recordSsoTest } from "./sign-in";
import {
  completeSamlSignIn,
  samlServiceProviderMetadata,
  samlServiceUrls,
  startSamlSignIn,
  type SamlSignInOutcome,
} from "./saml";
import type { SsoDeps } from "./deps";
import { createTestSamlIdp, strangerKey, type TestSamlIdp, type TestSamlResponseOptions } from "./testing/saml-idp";

const db = testDatabase();
const deps: SsoDeps = {
  secrets: createSecretBox(parseKeyring(process.env.SECRETS_KEYS ?? "")),
  allowPrivateNetworks: true,
};
const ORIGIN = "http://localhost:3000";

let idp: TestSamlIdp;
let otherIdp: TestSamlIdp;
// Serves the test IdP's metadata, as Okta or Entra ID publish theirs.
let server: Server;
let metadataUrl = "";
beforeAll(async () => {
  idp = await createTestSamlIdp("https://idp.example.test/saml");
  otherIdp = await createTestSamlIdp("https://other-idp.example.test/saml");
  server = createServer((req, res) => {
    if (req.url === "/metadata") return res.writeHead(200, { "content-type": "application/xml" }).end(idp.metadata());
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function orgWith(role: Role = "OWNER") {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, role);
  const actor: UserPrincipal = { type: "user", userId: user.id, email: user.email, role };
  const domain = `saml-${randomBytes(4).toString("hex")}.example.test`;
  return { org, tdb: db.forOrg(org.id), actor, domain };
}

/** An org whose SAML connection (of `withIdp`) is tested and switched on, with a verified domain. */
async function enabledOrg(withIdp: TestSamlIdp = idp) {
  const o = await orgWith();
  await saveSamlConnection(o.tdb, o.actor, deps, { metadataXml: withIdp.metadata() });
  await operatorVerifyDomain(db, o.org.slug, o.domain);
  await recordSsoTest(db, o.org.id, { ok: true, email: `admin@${o.domain}` });
  await setSsoEnabled(o.tdb, o.actor, true);
  return o;
}

/** Starts a sign-in at Stagedoor, then answers it at the IdP with `options`, and posts the answer back. */
async function signIn(
  slug: string,
  options: Partial<TestSamlResponseOptions> & { email: string },
  by: TestSamlIdp = idp,
  mode: { testing?: boolean } = {},
): Promise<{ outcome: SamlSignInOutcome; response: string }> {
  const redirect = await startSamlSignIn(db, slug, {
    origin: ORIGIN,
    redirectTo: "/after",
    testing: mode.testing ?? false,
  });
  expect(redirect).toMatch(new RegExp(`^${by === idp ? idp.ssoUrl : by.ssoUrl}`));
  const request = by.readRequest(redirect!);
  const response = by.response({
    inResponseTo: request.id,
    acsUrl: request.acsUrl,
    audience: request.spEntityId,
    ...options,
  });
  return { outcome: await completeSamlSignIn(db, slug, { origin: ORIGIN, samlResponse: response }), response };
}

describe("SAML connection settings", () => {
  it("reads the IdP from a metadata URL or pasted XML, and starts as a draft", async () => {
    const { org, tdb, actor } = await orgWith();
    const byUrl = await saveSamlConnection(tdb, actor, deps, { metadataUrl });
    expect(byUrl).toMatchObject({
      protocol: "saml",
      issuer: idp.entityId,
      samlMetadataUrl: metadataUrl,
      samlSsoUrl: idp.ssoUrl,
      samlCertificateCount: 1,
      hasClientSecret: false,
      status: "draft",
    });
    const byXml = await saveSamlConnection(tdb, actor, deps, { metadataXml: idp.metadata(), defaultRole: "ADMIN" });
    expect(byXml).toMatchObject({ samlMetadataUrl: null, defaultRole: "ADMIN", status: "draft" });
    expect((await loadSsoProvider(db, deps, org.slug))?.protocol).toBe("saml");
    expect((await getSsoSettings(tdb, actor)).connection?.protocol).toBe("saml");
  });

  it("says what is wrong with unusable metadata", async () => {
    const { tdb, actor } = await orgWith();
    const spMetadata = samlServiceProviderMetadata(ORIGIN, "acme");
    await expect(saveSamlConnection(tdb, actor, deps, { metadataXml: spMetadata })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not an IdP's metadata"),
    });
    await expect(saveSamlConnection(tdb, actor, deps, { metadataXml: "<nope" })).rejects.toMatchObject({
      message: expect.stringContaining("not well-formed"),
    });
    const noCert = idp.metadata().replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, "");
    await expect(saveSamlConnection(tdb, actor, deps, { metadataXml: noCert })).rejects.toMatchObject({
      message: expect.stringContaining("no signing certificate"),
    });
    await expect(
      saveSamlConnection(tdb, actor, deps, { metadataUrl: metadataUrl.replace("/metadata", "/missing") }),
    ).rejects.toMatchObject({ message: expect.stringContaining("404") });
    await expect(
      saveSamlConnection(
        tdb,
        actor,
        { ...deps, allowPrivateNetworks: false },
        {
          metadataUrl: "https://10.0.0.1/metadata",
        },
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("not a public address") });
    await expect(saveSamlConnection(tdb, actor, deps, {})).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for admins only; switching protocol goes back to draft", async () => {
    const member = await orgWith("MEMBER");
    await expect(
      saveSamlConnection(member.tdb, member.actor, deps, { metadataXml: idp.metadata() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const o = await enabledOrg();
    // From SAML to OIDC needs a client secret (a SAML connection has none).
    await expect(
      saveOidcConnection(o.tdb, o.actor, deps, { issuer: "https://issuer.invalid", clientId: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A new IdP certificate: back to draft, and off.
    await saveSamlConnection(o.tdb, o.actor, deps, { metadataXml: otherIdp.metadata() });
    expect((await getSsoSettings(o.tdb, o.actor)).connection?.status).toBe("draft");
  });

  it("publishes the SP metadata with the ACS URL and entity id the IdP needs", () => {
    const urls = samlServiceUrls(ORIGIN, "acme");
    expect(urls).toEqual({
      entityId: `${ORIGIN}/api/auth/saml/acme/metadata`,
      acsUrl: `${ORIGIN}/api/auth/saml/acme/acs`,
      loginUrl: `${ORIGIN}/api/auth/saml/acme/login`,
    });
    const xml = samlServiceProviderMetadata(ORIGIN, "acme");
    expect(xml).toContain(`entityID="${urls.entityId}"`);
    expect(xml).toContain(`Location="${urls.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
  });
});

describe("SAML sign-in", () => {
  it("test sign-in runs before the connection is on; then a valid signed assertion signs in with JIT", async () => {
    const o = await orgWith();
    await saveSamlConnection(o.tdb, o.actor, deps, {
      metadataXml: idp.metadata(),
      groupsAttribute: "groups",
      groupRoles: { admins: "ADMIN" },
    });
    await operatorVerifyDomain(db, o.org.slug, o.domain);
    // Not on yet: no sign-in starts, except the admin's test.
    expect(await startSamlSignIn(db, o.org.slug, { origin: ORIGIN, redirectTo: "/", testing: false })).toBeNull();
    const test = await signIn(o.org.slug, { email: `admin@${o.domain}` }, idp, { testing: true });
    expect(test.outcome).toMatchObject({ ok: true, testing: true, email: `admin@${o.domain}` });

    await recordSsoTest(db, o.org.id, { ok: true, email: `admin@${o.domain}` });
    await setSsoEnabled(o.tdb, o.actor, true);
    const email = `New.Person@${o.domain}`;
    const { outcome } = await signIn(o.org.slug, { email, name: "New Person", groups: ["admins"] });
    expect(outcome).toMatchObject({
      ok: true,
      testing: false,
      redirectTo: "/after",
      email: email.toLowerCase(),
      name: "New Person",
    });
    if (!outcome.ok) throw new Error("unreachable");
    const user = await makeUser(db, { email: outcome.email });
    const member = await provisionSsoMember(db, o.org.id, { userId: user.id, email: outcome.email }, outcome.claims, {
      enqueue: async () => {},
    });
    expect(member).toMatchObject({ role: "ADMIN", created: true });
  });

  it("accepts a signed response as well as a signed assertion", async () => {
    const o = await enabledOrg();
    for (const sign of ["response", "both"] as const) {
      expect((await signIn(o.org.slug, { email: `a@${o.domain}`, sign })).outcome).toMatchObject({ ok: true });
    }
  });

  it("refuses an unsigned response, and one signed with another key", async () => {
    const o = await enabledOrg();
    const unsigned = await signIn(o.org.slug, { email: `a@${o.domain}`, sign: "none" });
    expect(unsigned.outcome).toMatchObject({
      ok: false,
      reason: "invalid_response",
      message: expect.stringContaining("not signed with the IdP's certificate"),
    });
    const forged = await signIn(o.org.slug, { email: `a@${o.domain}`, signingKey: await strangerKey() });
    expect(forged.outcome).toMatchObject({ ok: false, message: expect.stringContaining("not signed") });
  });

  it("refuses a wrong audience, an expired assertion, a wrong destination and a wrong issuer", async () => {
    const o = await enabledOrg();
    expect(
      (await signIn(o.org.slug, { email: `a@${o.domain}`, audience: "https://someone-else" })).outcome,
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        `Wrong audience: set the audience (SP entity ID) in your IdP to ${ORIGIN}/api/auth/saml/${o.org.slug}/metadata`,
      ),
    });
    expect((await signIn(o.org.slug, { email: `a@${o.domain}`, validForMinutes: -10 })).outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining("clock skew"),
    });
    expect(
      (await signIn(o.org.slug, { email: `a@${o.domain}`, destination: "https://elsewhere.example/acs" })).outcome,
    ).toMatchObject({ ok: false, message: expect.stringContaining("Wrong destination") });
    expect(
      (await signIn(o.org.slug, { email: `a@${o.domain}`, issuer: "https://not-the-idp.example" })).outcome,
    ).toMatchObject({ ok: false, message: expect.stringContaining("Wrong issuer") });
  });

  it("accepts each response once: a replay, and an unrequested (IdP-initiated) response, are refused", async () => {
    const o = await enabledOrg();
    const first = await signIn(o.org.slug, { email: `a@${o.domain}` });
    expect(first.outcome).toMatchObject({ ok: true });
    const replay = await completeSamlSignIn(db, o.org.slug, { origin: ORIGIN, samlResponse: first.response });
    expect(replay).toMatchObject({ ok: false, message: expect.stringContaining("already answered") });
    const { acsUrl, entityId } = samlServiceUrls(ORIGIN, o.org.slug);
    const unrequested = idp.response({ inResponseTo: null, acsUrl, audience: entityId, email: `a@${o.domain}` });
    expect(await completeSamlSignIn(db, o.org.slug, { origin: ORIGIN, samlResponse: unrequested })).toMatchObject({
      ok: false,
      message: expect.stringContaining("IdP-initiated sign-in is not supported"),
    });
    expect(await o.tdb.samlRequest.count()).toBe(0);
  });

  it("applies the org rules: an address outside the org's verified domains is refused", async () => {
    const o = await enabledOrg();
    expect((await signIn(o.org.slug, { email: "someone@not-verified.example" })).outcome).toMatchObject({
      ok: false,
      reason: "domain_not_verified",
    });
  });

  it("keeps orgs apart: another org's IdP, or this org's request at another org's ACS, is refused", async () => {
    const a = await enabledOrg(idp);
    const b = await enabledOrg(otherIdp);
    // B's IdP signs a response for A's request, posted to A's ACS: not A's IdP.
    const redirect = await startSamlSignIn(db, a.org.slug, { origin: ORIGIN, redirectTo: "/", testing: false });
    const request = idp.readRequest(redirect!);
    const fromB = otherIdp.response({
      inResponseTo: request.id,
      acsUrl: request.acsUrl,
      audience: request.spEntityId,
      email: `a@${a.domain}`,
      issuer: idp.entityId,
    });
    expect(await completeSamlSignIn(db, a.org.slug, { origin: ORIGIN, samlResponse: fromB })).toMatchObject({
      ok: false,
    });
    // A's request answered by A's IdP but posted to B's ACS: B never issued that request.
    const again = await startSamlSignIn(db, a.org.slug, { origin: ORIGIN, redirectTo: "/", testing: false });
    const r2 = idp.readRequest(again!);
    const { acsUrl, entityId } = samlServiceUrls(ORIGIN, b.org.slug);
    const toB = otherIdp.response({ inResponseTo: r2.id, acsUrl, audience: entityId, email: `a@${b.domain}` });
    expect(await completeSamlSignIn(db, b.org.slug, { origin: ORIGIN, samlResponse: toB })).toMatchObject({
      ok: false,
      message: expect.stringContaining("answers no sign-in"),
    });
    expect(await b.tdb.samlRequest.count()).toBe(0);
    expect(await a.tdb.samlRequest.count()).toBe(1);
  });
});
