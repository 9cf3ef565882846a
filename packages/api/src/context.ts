import type { BillingDeps, IntegrationDeps, SessionFacts, TxtResolver } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";

export type SessionUser = {
  userId: string;
  email: string;
  name: string | null;
  /** The database session's facts (which IdP, when): org SSO and timeout rules read them. */
  session?: SessionFacts | null;
};

/**
 * Built per request by the host app (apps/web). `orgSlug` is the slug of the page the
 * request came from (the client sends it as a header); it is only a claim until
 * orgProcedure has checked the session's membership.
 */
export type Context = {
  /** The cross-org client; org procedures add `tenant`, the client bound to their org. */
  admin: Database;
  user: SessionUser | null;
  orgSlug: string | null;
  /** Secret box, outbound-URL policy and sync queue for the integration procedures. */
  integrations: IntegrationDeps;
  /** Stripe and prices for Checkout, Portal and invoices; absent when billing is not configured. */
  billing?: BillingDeps | null;
  /** Injected in tests: the DNS TXT lookup for domain verification (default: the system resolver). */
  sso?: { resolveTxt?: TxtResolver };
};

export { ORG_SLUG_HEADER } from "./org-slug-header";
