import { DOMParser, type Element } from "@xmldom/xmldom";
import { createGuardedFetch, findNonPublicAddressError, type OutboundGuardOptions } from "../net/guarded-fetch";

/** What Stagedoor needs from a SAML IdP's metadata (SAML 2.0 Metadata, §2.4.3 IDPSSODescriptor). */
export type SamlIdpMetadata = {
  /** The IdP's entity id: the Issuer of its responses. */
  entityId: string;
  /** SingleSignOnService for the HTTP-Redirect binding: where AuthnRequests go. */
  ssoUrl: string;
  /** Signing certificates (base64 DER, whitespace removed), in document order. */
  certificates: string[];
};

export type SamlMetadataProblemCode = "invalid_url" | "non_public" | "unreachable" | "invalid_document";

/** Why metadata cannot be used, in words an admin can act on. */
export class SamlMetadataError extends Error {
  override readonly name = "SamlMetadataError";
  constructor(
    readonly code: SamlMetadataProblemCode,
    message: string,
  ) {
    super(message);
  }
}

export type SamlMetadataOptions = OutboundGuardOptions & { timeoutMs?: number };

export const MAX_SAML_METADATA_BYTES = 512 * 1024;
const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DSIG = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

const httpUrl = (value: string, allowHttp: boolean): URL | null => {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || (allowHttp && url.protocol === "http:") ? url : null;
  } catch {
    return null;
  }
};

/**
 * Reads an IdP's metadata XML: the entity id, the HTTP-Redirect sign-in URL and the
 * signing certificates. Refuses documents without them (a pasted SP metadata, an IdP
 * that offers only the POST binding) with a sentence saying what is missing.
 */
export function parseSamlIdpMetadata(xml: string, options: { allowHttp?: boolean } = {}): SamlIdpMetadata {
  if (xml.length > MAX_SAML_METADATA_BYTES) {
    throw new SamlMetadataError("invalid_document", "The metadata is too large (at most 512 KB).");
  }
  // A DOCTYPE has no place in SAML metadata, and entity expansion is an attack surface.
  if (/<!DOCTYPE/i.test(xml))
    throw new SamlMetadataError("invalid_document", "The metadata may not contain a DOCTYPE.");
  const root = parseXml(xml);
  if (!root) throw new SamlMetadataError("invalid_document", "The metadata is not well-formed XML.");
  const descriptors = root.localName === "EntityDescriptor" ? [root] : elements(root, MD, "EntityDescriptor");
  const entity = descriptors.find((d) => elements(d, MD, "IDPSSODescriptor").length > 0);
  if (!entity) {
    throw new SamlMetadataError(
      "invalid_document",
      "This is not an IdP's metadata: it has no EntityDescriptor with an IDPSSODescriptor.",
    );
  }
  const entityId = entity.getAttribute("entityID")?.trim() ?? "";
  if (!entityId) throw new SamlMetadataError("invalid_document", "The metadata's EntityDescriptor has no entityID.");
  const idp = elements(entity, MD, "IDPSSODescriptor")[0]!;
  const sso = elements(idp, MD, "SingleSignOnService").find((s) => s.getAttribute("Binding") === REDIRECT_BINDING);
  const location = sso?.getAttribute("Location") ?? "";
  if (!sso || !location) {
    throw new SamlMetadataError(
      "invalid_document",
      "The IdP's metadata has no SingleSignOnService with the HTTP-Redirect binding, which Stagedoor uses.",
    );
  }
  if (!httpUrl(location, options.allowHttp === true)) {
    throw new SamlMetadataError("invalid_document", "The IdP's SingleSignOnService Location is not an https URL.");
  }
  const certificates = elements(idp, MD, "KeyDescriptor")
    .filter((k) => (k.getAttribute("use") ?? "signing") === "signing")
    .flatMap((k) => elements(k, DSIG, "X509Certificate"))
    .map((c) => (c.textContent ?? "").replace(/\s+/g, ""))
    .filter((c, i, all) => c.length > 0 && all.indexOf(c) === i);
  if (certificates.length === 0) {
    throw new SamlMetadataError("invalid_document", "The IdP's metadata has no signing certificate (KeyDescriptor).");
  }
  return { entityId, ssoUrl: location.trim(), certificates };
}

/** Fetches metadata from a customer-supplied URL through the guarded fetch, then parses it. */
export async function fetchSamlIdpMetadata(
  urlInput: string,
  options: SamlMetadataOptions = {},
): Promise<SamlIdpMetadata & { metadataUrl: string }> {
  const allowHttp = options.allowPrivateNetworks === true;
  const url = httpUrl(urlInput, allowHttp);
  if (!url) throw new SamlMetadataError("invalid_url", "The metadata URL must be an https:// URL.");
  const fetch = createGuardedFetch(options);
  let response: Response;
  try {
    response = await fetch(url.href, {
      headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const refused = findNonPublicAddressError(error);
    if (refused) throw new SamlMetadataError("non_public", refused.message);
    throw new SamlMetadataError("unreachable", `Could not reach ${url.href}.`);
  }
  if (!response.ok) {
    throw new SamlMetadataError("unreachable", `${url.href} answered HTTP ${response.status}: check the metadata URL.`);
  }
  const text = await response.text();
  return { ...parseSamlIdpMetadata(text, { allowHttp }), metadataUrl: url.href };
}

/** The document element, or null for anything not well-formed (xmldom reports, we refuse). */
export function parseXml(xml: string): Element | null {
  let failed = false;
  try {
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== "warning") failed = true;
      },
    }).parseFromString(xml.trim(), "text/xml");
    return failed ? null : doc.documentElement;
  } catch {
    return null;
  }
}

function elements(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}
