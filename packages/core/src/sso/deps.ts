import { createGuardedFetch, type OutboundGuardOptions } from "@stagedoor/connectors";
import type { SecretBox } from "../secrets";

/** What SSO services need from their host process (the same settings integrations get). */
export type SsoDeps = {
  secrets: SecretBox;
  /** OUTBOUND_ALLOW_PRIVATE_NETWORKS: tests and self-hosted installs only. */
  allowPrivateNetworks: boolean;
  /** Injected in tests; otherwise the system resolver behind the guarded fetch. */
  lookup?: OutboundGuardOptions["lookup"];
};

/** Binds a client secret to its org and connection row: a copied ciphertext will not open. */
export const secretContext = (orgId: string, connectionId: string) => `org:${orgId}/sso:${connectionId}/client-secret`;

/** fetch for the org's IdP (discovery, token, JWKS, userinfo): customer-supplied URLs, so guarded. */
export const ssoFetch = (deps: SsoDeps): typeof globalThis.fetch =>
  createGuardedFetch({ allowPrivateNetworks: deps.allowPrivateNetworks, lookup: deps.lookup });
