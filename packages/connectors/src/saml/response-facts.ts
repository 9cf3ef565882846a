import { parseXml } from "./idp-metadata";

/** Unverified facts of a posted SAMLResponse, read before node-saml validates it. */
export type SamlResponseFacts = { destination: string | null; inResponseTo: string | null };

/**
 * The root Response's Destination and InResponseTo. Only for checks that refuse (a
 * Destination other than our ACS URL) and for knowing which sign-in a failure belongs to:
 * nothing here is trusted before the signature is.
 */
export function readSamlResponseFacts(samlResponseBase64: string): SamlResponseFacts {
  const xml = Buffer.from(samlResponseBase64, "base64").toString("utf8");
  if (/<!DOCTYPE/i.test(xml)) return { destination: null, inResponseTo: null };
  const root = parseXml(xml);
  if (!root || root.localName !== "Response") return { destination: null, inResponseTo: null };
  return {
    destination: root.getAttribute("Destination") || null,
    inResponseTo: root.getAttribute("InResponseTo") || null,
  };
}
