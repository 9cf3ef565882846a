import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { generate } from "selfsigned";
import { signSamlPost } from "@node-saml/node-saml/lib/saml-post-signing.js";

/**
 * A local SAML 2.0 identity provider for tests: a generated RSA key and self-signed
 * certificate, its metadata, and responses signed with node-saml's own XML signing
 * (xml-crypto underneath), the way IdPs sign them: the assertion, the whole response, both
 * or neither. Each response is built from the AuthnRequest the SP redirected to, so
 * InResponseTo, Destination and Audience are the SP's unless a test overrides them.
 */
export type TestSamlIdp = {
  entityId: string;
  ssoUrl: string;
  certificate: string;
  metadata(): string;
  /** The request id and ACS URL of the AuthnRequest in an SP redirect URL. */
  readRequest(redirectUrl: string): { id: string; acsUrl: string; spEntityId: string };
  response(options: TestSamlResponseOptions): string;
};

export type TestSamlResponseOptions = {
  inResponseTo: string | null;
  acsUrl: string;
  audience: string;
  email: string;
  name?: string;
  groups?: string[];
  sign?: "assertion" | "response" | "both" | "none";
  /** Minutes from now; negative for an expired assertion. */
  validForMinutes?: number;
  destination?: string;
  issuer?: string;
  /** Another IdP's key: a signature that does not verify against this IdP's certificate. */
  signingKey?: string;
};

const PEM_BODY = /-----BEGIN [A-Z ]+-----|-----END [A-Z ]+-----|\s+/g;
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export async function createTestSamlIdp(entityId = "https://idp.example.test/saml"): Promise<TestSamlIdp> {
  const pems = await generate([{ name: "commonName", value: "Stagedoor test IdP" }], {
    keySize: 2048,
    algorithm: "sha256",
  });
  const certificate = pems.cert.replace(PEM_BODY, "");
  const ssoUrl = `${entityId}/sso`;
  return {
    entityId,
    ssoUrl,
    certificate,
    metadata: () => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${xmlText(entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${xmlText(ssoUrl)}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${xmlText(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`,
    readRequest(redirectUrl) {
      const encoded = new URL(redirectUrl).searchParams.get("SAMLRequest") ?? "";
      const xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
      const attr = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(xml)?.[1] ?? "";
      const spEntityId = /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(xml)?.[1] ?? "";
      return { id: attr("ID"), acsUrl: attr("AssertionConsumerServiceURL"), spEntityId };
    },
    response(o) {
      const now = Date.now();
      const at = (ms: number) => new Date(ms).toISOString();
      const until = at(now + (o.validForMinutes ?? 5) * 60_000);
      const issued = o.validForMinutes !== undefined && o.validForMinutes < 0 ? at(now - 30 * 60_000) : at(now);
      const responseId = `_r${randomBytes(10).toString("hex")}`;
      const assertionId = `_a${randomBytes(10).toString("hex")}`;
      const inResponseTo = o.inResponseTo ? ` InResponseTo="${xmlText(o.inResponseTo)}"` : "";
      const issuer = xmlText(o.issuer ?? entityId);
      const attribute = (name: string, values: string[]) =>
        `<saml:Attribute Name="${name}">${values
          .map((v) => `<saml:AttributeValue xsi:type="xs:string">${xmlText(v)}</saml:AttributeValue>`)
          .join("")}</saml:Attribute>`;
      const assertion = `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" Version="2.0" IssueInstant="${issued}"><saml:Issuer>${issuer}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${xmlText(o.email)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${until}" Recipient="${xmlText(o.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${xmlText(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attribute("email", [o.email])}${o.name ? attribute("displayName", [o.name]) : ""}${o.groups ? attribute("groups", o.groups) : ""}</saml:AttributeStatement></saml:Assertion>`;
      const signing = { privateKey: o.signingKey ?? pems.private, signatureAlgorithm: "sha256" as const };
      const sign = o.sign ?? "assertion";
      const signedAssertion =
        sign === "assertion" || sign === "both"
          ? signSamlPost(assertion, "/*[local-name(.)='Assertion']", signing)
          : assertion;
      const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${issued}" Destination="${xmlText(o.destination ?? o.acsUrl)}"${inResponseTo}><saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${signedAssertion}</samlp:Response>`;
      const signed =
        sign === "response" || sign === "both"
          ? signSamlPost(response, "/*[local-name(.)='Response']", signing)
          : response;
      return Buffer.from(signed, "utf8").toString("base64");
    },
  };
}

/** A key of no IdP anyone trusts: signatures made with it must be refused. */
export async function strangerKey(): Promise<string> {
  return (await generate([{ name: "commonName", value: "Stranger" }], { keySize: 2048 })).private;
}
