import type { Database, Role } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { assertMemberCapacity } from "../billing/member-limit";
import { requestSeatSync, type SeatSyncQueue } from "../billing/seat-sync";
import { secretContext, type SsoDeps } from "./deps";
import { groupsFromClaims, parseGroupRoles, roleForGroups } from "./group-roles";

/** Auth.js provider ids of org connections: `sso-<slug>` (callback /api/auth/callback/sso-<slug>). */
export const SSO_PROVIDER_PREFIX = "sso-";
export const ssoProviderId = (slug: string) => `${SSO_PROVIDER_PREFIX}${slug}`;
export const slugOfSsoProvider = (providerId: string) =>
  providerId.startsWith(SSO_PROVIDER_PREFIX) ? providerId.slice(SSO_PROVIDER_PREFIX.length) : null;

/**
 * What Auth.js needs to run an org's OIDC flow (server-only: it carries the secret), or,
 * for a SAML connection, what the sign-in page needs to offer it (the flow itself runs in
 * saml.ts; client fields are empty).
 */
export type SsoProviderConfig = {
  protocol: "oidc" | "saml";
  orgId: string;
  slug: string;
  orgName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  status: "draft" | "tested" | "enabled";
};

/**
 * The connection of the org a sign-in URL names. Cross-org by nature (nobody is signed in
 * yet; the URL is all there is), so it reads through the admin client; nothing from it
 * reaches the browser.
 */
export async function loadSsoProvider(db: Database, deps: SsoDeps, slug: string): Promise<SsoProviderConfig | null> {
  const org = await db.admin.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, ssoConnection: true },
  });
  const c = org?.ssoConnection;
  if (!org || !c) return null;
  if (c.protocol === "saml") {
    return {
      protocol: "saml",
      orgId: org.id,
      slug: org.slug,
      orgName: org.name,
      issuer: c.issuer,
      clientId: "",
      clientSecret: "",
      status: c.status,
    };
  }
  if (!c.clientSecretCiphertext) return null;
  return {
    protocol: "oidc",
    orgId: org.id,
    slug: org.slug,
    orgName: org.name,
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecret: deps.secrets.decrypt(c.clientSecretCiphertext, { context: secretContext(org.id, c.id) }),
    status: c.status,
  };
}

export type SsoSignInCheck = { ok: true; email: string } | { ok: false; reason: SsoRefusal; message: string };
export type SsoRefusal = "missing_email" | "unverified_email" | "domain_not_verified" | "not_enabled";

/**
 * Whether an org's IdP may sign this person in, before any user or session exists. The
 * IdP must say the address is verified, and the address must be in one of the org's
 * verified domains: an org's IdP can assert any email, so without this an admin of one
 * org could sign in as someone of another org (and take over their account by email).
 */
export async function checkSsoSignIn(
  db: Database,
  orgId: string,
  claims: Record<string, unknown>,
  mode: "sign-in" | "test",
): Promise<SsoSignInCheck> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || !email.includes("@")) {
    return {
      ok: false,
      reason: "missing_email",
      message: "The IdP sent no email claim. Add the email scope/claim to the app in your IdP.",
    };
  }
  if (claims.email_verified !== true && claims.email_verified !== "true") {
    return {
      ok: false,
      reason: "unverified_email",
      message: `The IdP does not say ${email} is verified (email_verified is not true).`,
    };
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const org = await db.admin.organization.findUnique({
    where: { id: orgId },
    select: {
      ssoConnection: { select: { status: true } },
      verifiedDomains: { where: { domain, verifiedAt: { not: null } }, select: { id: true } },
    },
  });
  if (!org?.ssoConnection)
    return { ok: false, reason: "not_enabled", message: "This organization has no SSO connection." };
  if (mode === "sign-in" && org.ssoConnection.status !== "enabled") {
    return { ok: false, reason: "not_enabled", message: "Single sign-on is not switched on for this organization." };
  }
  if (org.verifiedDomains.length === 0) {
    return {
      ok: false,
      reason: "domain_not_verified",
      message: `${domain} is not a verified domain of this organization.`,
    };
  }
  return { ok: true, email };
}

/** Records the outcome of an admin's test sign-in (draft becomes tested on success). */
export async function recordSsoTest(
  db: Database,
  orgId: string,
  outcome: { ok: true; email: string } | { ok: false; message: string },
) {
  const tenant = db.forOrg(orgId);
  await tenant.transaction(async (tx) => {
    const c = await tx.ssoConnection.findUnique({ where: { orgId } });
    if (!c) return;
    await tx.ssoConnection.update({
      where: { id: c.id },
      data: outcome.ok
        ? {
            status: c.status === "draft" ? "tested" : c.status,
            testedAt: new Date(),
            testedBy: outcome.email,
            lastError: null,
          }
        : { lastError: outcome.message },
    });
    await recordAudit(tx, {
      orgId,
      actor: null,
      action: outcome.ok ? "sso.tested" : "sso.test_failed",
      target: c.issuer,
      data: outcome.ok ? { as: outcome.email } : { error: outcome.message },
    });
  });
}

/**
 * After the IdP signed `userId` in for the org: just-in-time membership with the default
 * role (or the highest mapped group's), and on later sign-ins the mapped role again when
 * groups are mapped (owners are never changed by the IdP). A new member's seat sync is
 * requested through `seats` after the commit.
 */
export async function provisionSsoMember(
  db: Database,
  orgId: string,
  user: { userId: string; email: string },
  claims: Record<string, unknown>,
  seats: SeatSyncQueue,
): Promise<{ membershipId: string; role: Role; created: boolean }> {
  const tenant = db.forOrg(orgId);
  const provisioned = await tenant.transaction(async (tx) => {
    const c = await tx.ssoConnection.findUnique({ where: { orgId } });
    if (!c || c.status !== "enabled")
      throw new AppError("FORBIDDEN", "Single sign-on is not switched on for this organization.");
    const mapping = parseGroupRoles(c.groupRoles);
    const groups = groupsFromClaims(claims, c.groupsClaim);
    const mapped =
      Object.keys(mapping).length > 0 && c.groupsClaim ? roleForGroups(groups, mapping, c.defaultRole) : null;
    const existing = await tx.membership.findFirst({ where: { userId: user.userId } });
    if (existing) {
      if (mapped && existing.role !== "OWNER" && existing.role !== mapped) {
        await tx.membership.update({ where: { id: existing.id }, data: { role: mapped } });
        await recordAudit(tx, {
          orgId,
          actor: null,
          action: "member.role_changed",
          target: user.email,
          data: { from: existing.role, to: mapped, via: "sso_groups", groups },
        });
        return { membershipId: existing.id, role: mapped, created: false };
      }
      return { membershipId: existing.id, role: existing.role, created: false };
    }
    const role = mapped ?? c.defaultRole;
    // Just-in-time members count against the plan like accepted invitations.
    await assertMemberCapacity(tx, orgId, "accept");
    const created = await tx.membership.create({ data: { orgId, userId: user.userId, role } });
    await recordAudit(tx, {
      orgId,
      actor: null,
      action: "sso.member_provisioned",
      target: user.email,
      data: { role, groups },
    });
    return { membershipId: created.id, role, created: true };
  });
  if (provisioned.created) await requestSeatSync(seats, orgId);
  return provisioned;
}
