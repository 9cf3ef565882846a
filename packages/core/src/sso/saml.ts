import { generateServiceProviderMetadata, SAML, ValidateInResponseTo, type CacheProvider } from "@node-saml/node-saml";
import type { Database, TenantDb } from "@stagedoor/db";
import { readSamlResponseFacts } from "@stagedoor/connectors";
export { MAX_SAML_METADATA_BYTES } from "@stagedoor/connectors";
import { SAML_CLOCK_SKEW_MS, SAML_REQUEST_TTL_MINUTES } from "../limits";
import { checkSsoSignIn, type SsoRefusal } from "./sign-in";

/**
 * SAML 2.0 sign-in for an org (service-provider side, SP-initiated, HTTP-Redirect out and
 * HTTP-POST back), on node-saml. Stagedoor's URLs for an org, which the admin copies into
 * the IdP: the SP entity id (also the audience) is the metadata URL, the ACS URL takes the
 * IdP's POST.
 */
export function samlServiceUrls(origin: string, slug: string) {
  const base = `${origin.replace(/\/$/, "")}/api/auth/saml/${encodeURIComponent(slug)}`;
  return { entityId: `${base}/metadata`, acsUrl: `${base}/acs`, loginUrl: `${base}/login` };
}

/** The org's SAML connection as sign-in needs it (admin client: nobody is signed in yet). */
type SamlConnection = {
  orgId: string;
  slug: string;
  status: "draft" | "tested" | "enabled";
  idpEntityId: string;
  ssoUrl: string;
  certificates: string[];
  groupsAttribute: string | null;
};

async function loadSamlConnection(db: Database, slug: string): Promise<SamlConnection | null> {
  const org = await db.admin.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, ssoConnection: true },
  });
  const c = org?.ssoConnection;
  if (!org || !c || c.protocol !== "saml" || !c.samlSsoUrl || c.samlCertificates.length === 0) return null;
  return {
    orgId: org.id,
    slug: org.slug,
    status: c.status,
    idpEntityId: c.issuer,
    ssoUrl: c.samlSsoUrl,
    certificates: c.samlCertificates,
    groupsAttribute: c.groupsClaim,
  };
}

const REQUEST_TTL_MS = SAML_REQUEST_TTL_MINUTES * 60_000;

/**
 * node-saml's request-id store, on the org's SamlRequest rows. `getAsync` consumes the row
 * (one delete: of two responses naming the same request only the first finds it) and
 * remembers it, because node-saml asks twice per response (Response and
 * SubjectConfirmationData InResponseTo) and we need the row's test flag and destination.
 */
function requestStore(tenant: TenantDb, started?: { testing: boolean; redirectTo: string }) {
  let consumed: { id: string; testing: boolean; redirectTo: string; createdAt: Date } | null = null;
  const provider: CacheProvider = {
    async saveAsync(key, value) {
      if (!started) throw new Error("SAML requests are only stored when a sign-in starts.");
      const createdAt = new Date(value);
      await tenant.samlRequest.create({
        data: {
          id: key,
          orgId: tenant.orgId,
          testing: started.testing,
          redirectTo: started.redirectTo,
          createdAt,
          expiresAt: new Date(createdAt.getTime() + REQUEST_TTL_MS),
        },
      });
      return { value, createdAt: createdAt.getTime() };
    },
    async getAsync(key) {
      if (consumed?.id === key) return consumed.createdAt.toISOString();
      if (consumed) return null;
      const row = await tenant.samlRequest.findUnique({ where: { id: key } });
      if (!row || row.expiresAt <= new Date()) return null;
      const { count } = await tenant.samlRequest.deleteMany({ where: { id: key } });
      if (count !== 1) return null;
      consumed = row;
      return row.createdAt.toISOString();
    },
    async removeAsync(key) {
      // Already consumed by getAsync; an unknown id was never stored.
      return key;
    },
  };
  return { provider, consumed: () => consumed };
}

function serviceProvider(c: SamlConnection, origin: string, cacheProvider: CacheProvider): SAML {
  const { entityId, acsUrl } = samlServiceUrls(origin, c.slug);
  return new SAML({
    issuer: entityId,
    callbackUrl: acsUrl,
    entryPoint: c.ssoUrl,
    idpCert: c.certificates,
    idpIssuer: c.idpEntityId,
    audience: entityId,
    // Either signature will do, but one is required: node-saml then verifies the
    // assertion's own signature whenever the whole response is not signed.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    // Only answers to requests we sent, each once: no IdP-initiated sign-ins, no replays.
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    cacheProvider,
    // Asking for a password context makes IdPs refuse people who sign in with MFA or passkeys.
    disableRequestedAuthnContext: true,
  });
}

/** Stagedoor's SP metadata for the org's IdP (entity id, ACS URL; signed assertions wanted). */
export function samlServiceProviderMetadata(origin: string, slug: string): string {
  const { entityId, acsUrl } = samlServiceUrls(origin, slug);
  return generateServiceProviderMetadata({
    issuer: entityId,
    callbackUrl: acsUrl,
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    wantAssertionsSigned: true,
  });
}

/**
 * Starts a sign-in (or an admin's test sign-in) with the org's IdP: stores the request id
 * and returns the IdP URL to redirect to. Null when the org has no usable SAML connection
 * (or, outside a test, when it is not switched on).
 */
export async function startSamlSignIn(
  db: Database,
  slug: string,
  input: { origin: string; redirectTo: string; testing: boolean },
): Promise<string | null> {
  const c = await loadSamlConnection(db, slug);
  if (!c || (!input.testing && c.status !== "enabled")) return null;
  const store = requestStore(db.forOrg(c.orgId), { testing: input.testing, redirectTo: input.redirectTo });
  return serviceProvider(c, input.origin, store.provider).getAuthorizeUrlAsync("", undefined, {});
}

export type SamlSignInOutcome =
  | {
      ok: true;
      orgId: string;
      testing: boolean;
      redirectTo: string;
      email: string;
      name: string | undefined;
      claims: Record<string, unknown>;
    }
  | {
      ok: false;
      /** Null when the URL names no org with a SAML connection. */
      orgId: string | null;
      testing: boolean;
      reason: SsoRefusal | "invalid_response";
      message: string;
    };

const EMAIL_ATTRIBUTES = [
  "email",
  "mail",
  "emailAddress",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
  "urn:oid:0.9.2342.19200300.100.1.3",
];
const NAME_ATTRIBUTES = [
  "displayName",
  "name",
  "http://schemas.microsoft.com/identity/claims/displayname",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
];

const firstString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : Array.isArray(value) ? firstString(value[0]) : undefined;

/**
 * The assertion's attributes as the claims the org checks use. The address comes from an
 * email attribute, else an emailAddress-format NameID. SAML has no "email_verified": a
 * signed assertion of the org's own IdP vouches for it, and checkSsoSignIn still requires
 * the address to be in one of the org's verified domains.
 */
export function claimsFromSamlProfile(profile: Record<string, unknown>): Record<string, unknown> {
  const nameIdIsEmail = String(profile.nameIDFormat ?? "").endsWith(":emailAddress");
  const email =
    EMAIL_ATTRIBUTES.map((a) => firstString(profile[a])).find(Boolean) ??
    (nameIdIsEmail ? firstString(profile.nameID) : undefined);
  const name = NAME_ATTRIBUTES.map((a) => firstString(profile[a])).find(Boolean);
  return { ...profile, email, email_verified: Boolean(email), name };
}

/**
 * Checks a response posted to the org's ACS URL: node-saml verifies the signature (of the
 * assertion, or of the whole response) against the IdP's certificates, the issuer, the
 * audience, NotBefore/NotOnOrAfter with SAML_CLOCK_SKEW_MS, and InResponseTo against a
 * request we stored (consumed here); we check the Destination. Then the same rules as
 * OIDC (checkSsoSignIn: an address of a verified domain, switched on unless testing).
 * Never throws for a bad response: the outcome says why, in words for the admin.
 */
export async function completeSamlSignIn(
  db: Database,
  slug: string,
  input: { origin: string; samlResponse: string },
): Promise<SamlSignInOutcome> {
  const c = await loadSamlConnection(db, slug);
  if (!c) {
    return {
      ok: false,
      orgId: null,
      testing: false,
      reason: "not_enabled",
      message: "This organization has no SAML connection.",
    };
  }
  const tenant = db.forOrg(c.orgId);
  const { acsUrl, entityId } = samlServiceUrls(input.origin, slug);
  const facts = readSamlResponseFacts(input.samlResponse);
  // Which sign-in this claims to answer, unverified: only to file a failure under the test.
  const claimed = facts.inResponseTo
    ? await tenant.samlRequest.findUnique({ where: { id: facts.inResponseTo }, select: { testing: true } })
    : null;
  const fail = (message: string, testing = claimed?.testing ?? false): SamlSignInOutcome => ({
    ok: false,
    orgId: c.orgId,
    testing,
    reason: "invalid_response",
    message,
  });
  if (facts.destination && facts.destination !== acsUrl) {
    return fail(
      `Wrong destination: the response is addressed to ${facts.destination}. Set the ACS (reply) URL in your IdP to ${acsUrl}.`,
    );
  }
  const store = requestStore(tenant);
  let profile: Record<string, unknown> | null;
  try {
    ({ profile } = (await serviceProvider(c, input.origin, store.provider).validatePostResponseAsync({
      SAMLResponse: input.samlResponse,
    })) as { profile: Record<string, unknown> | null });
  } catch (error) {
    return fail(describeSamlFailure(error, { entityId, acsUrl }), store.consumed()?.testing);
  }
  const request = store.consumed();
  if (!profile || !request) return fail("The IdP's answer is not a sign-in response.");
  // node-saml checks the issuer of logout messages only; the certificate already ties the
  // assertion to the IdP, and its Issuer must agree with the metadata too.
  if (profile.issuer !== c.idpEntityId) {
    return fail(
      `Wrong issuer: the assertion comes from ${JSON.stringify(profile.issuer)}, not the metadata's ${JSON.stringify(c.idpEntityId)}.`,
      request.testing,
    );
  }
  const claims = claimsFromSamlProfile(profile);
  const check = await checkSsoSignIn(db, c.orgId, claims, request.testing ? "test" : "sign-in");
  if (!check.ok) return { ...check, orgId: c.orgId, testing: request.testing };
  return {
    ok: true,
    orgId: c.orgId,
    testing: request.testing,
    redirectTo: request.redirectTo,
    email: check.email,
    name: firstString(claims.name),
    claims,
  };
}

/** An admin-readable sentence for node-saml's error; the raw message is kept for support. */
export function describeSamlFailure(error: unknown, sp: { entityId: string; acsUrl: string }): string {
  const raw = error instanceof Error ? error.message : String(error);
  const text = raw.toLowerCase();
  const say = (sentence: string) => `${sentence} (${raw || "no detail"})`;
  if (text.includes("inresponseto")) {
    return say(
      "This response answers no sign-in Stagedoor started, or one already answered or expired: start the sign-in from Stagedoor again (IdP-initiated sign-in is not supported).",
    );
  }
  if (text.includes("signature") || text.includes("cannot obtain assertion from signed data")) {
    return say(
      "The response is not signed with the IdP's certificate: Stagedoor requires a signed assertion (or a signed response). Turn on assertion signing in your IdP, or load its current metadata again.",
    );
  }
  // node-saml checks the bearer confirmation's NotOnOrAfter first: an expired assertion
  // usually fails there ("No valid subject confirmation").
  if (text.includes("expired") || text.includes("not yet valid") || text.includes("subject confirmation")) {
    return say(
      "The assertion is expired or not yet valid: check the clocks of the IdP and this server (clock skew), then sign in again.",
    );
  }
  if (text.includes("audience")) {
    return say(`Wrong audience: set the audience (SP entity ID) in your IdP to ${sp.entityId}.`);
  }
  if (text.includes("issuer")) {
    return say("Wrong issuer: the response comes from another IdP than the one in the metadata.");
  }
  if (text.includes("status code")) return say("The IdP refused the sign-in.");
  if (text.includes("no decryption key")) {
    return say("The assertion is encrypted; Stagedoor accepts signed, unencrypted assertions. Turn off encryption.");
  }
  return say("The SAML response could not be read.");
}
