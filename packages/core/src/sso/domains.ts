import { randomBytes } from "node:crypto";
import { resolveTxt as systemResolveTxt } from "node:dns/promises";
import type { Database, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { authorize, type Principal, type UserPrincipal } from "../authz";

/** dns.promises.resolveTxt's shape: one array of chunks per TXT record. Injected in tests. */
export type TxtResolver = (name: string) => Promise<string[][]>;

export const DOMAIN_CHALLENGE_PREFIX = "_stagedoor-challenge";
const VALUE_PREFIX = "stagedoor-verification=";
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type DomainView = {
  id: string;
  domain: string;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  /** The TXT record to publish: name and value. */
  record: { name: string; value: string };
};

const toView = (row: {
  id: string;
  domain: string;
  token: string;
  verifiedAt: Date | null;
  verifiedBy: string | null;
}): DomainView => ({
  id: row.id,
  domain: row.domain,
  verifiedAt: row.verifiedAt,
  verifiedBy: row.verifiedBy,
  record: { name: `${DOMAIN_CHALLENGE_PREFIX}.${row.domain}`, value: `${VALUE_PREFIX}${row.token}` },
});

export function normaliseDomain(input: string): string {
  const domain = input.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (!DOMAIN.test(domain)) {
    throw new AppError("BAD_REQUEST", "Enter a domain such as example.com.", { domain: "Not a domain name." });
  }
  return domain;
}

export async function listDomains(db: TenantDb, by: Principal): Promise<DomainView[]> {
  authorize(by, "sso.manage");
  const rows = await db.verifiedDomain.findMany({ orderBy: { domain: "asc" } });
  return rows.map(toView);
}

export async function addDomain(db: TenantDb, actor: UserPrincipal, input: string): Promise<DomainView> {
  authorize(actor, "sso.manage");
  const domain = normaliseDomain(input);
  return db.transaction(async (tx) => {
    const existing = await tx.verifiedDomain.findUnique({ where: { orgId_domain: { orgId: db.orgId, domain } } });
    if (existing) return toView(existing);
    const row = await tx.verifiedDomain.create({
      data: { orgId: db.orgId, domain, token: randomBytes(16).toString("hex") },
    });
    await recordAudit(tx, { orgId: db.orgId, actor, action: "domain.added", target: domain });
    return toView(row);
  });
}

export async function removeDomain(db: TenantDb, actor: UserPrincipal, domainId: string): Promise<void> {
  authorize(actor, "sso.manage");
  await db.transaction(async (tx) => {
    const row = await tx.verifiedDomain.findUnique({ where: { id: domainId } });
    if (!row) throw new AppError("NOT_FOUND", "Domain not found.");
    await tx.verifiedDomain.delete({ where: { id: row.id } });
    await recordAudit(tx, { orgId: db.orgId, actor, action: "domain.removed", target: row.domain });
  });
}

/**
 * Checks the domain's TXT record and marks it verified. A domain is verified for one org
 * only: a second org that publishes its own record too is refused (the unique index is
 * the backstop for two checks at once).
 */
export async function verifyDomain(
  db: TenantDb,
  actor: UserPrincipal,
  domainId: string,
  resolveTxt: TxtResolver = systemResolveTxt,
): Promise<DomainView> {
  authorize(actor, "sso.manage");
  const row = await db.verifiedDomain.findUnique({ where: { id: domainId } });
  if (!row) throw new AppError("NOT_FOUND", "Domain not found.");
  if (row.verifiedAt) return toView(row);
  const view = toView(row);
  let records: string[][];
  try {
    records = await resolveTxt(view.record.name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === "ENOTFOUND" || code === "ENODATA";
    throw new AppError(
      "PRECONDITION_FAILED",
      missing
        ? `No TXT record found at ${view.record.name} yet. DNS changes can take a few minutes to appear.`
        : `Could not look up ${view.record.name} (${code ?? "DNS error"}). Try again shortly.`,
    );
  }
  if (!records.some((chunks) => chunks.join("") === view.record.value)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The TXT record at ${view.record.name} does not contain ${view.record.value} yet.`,
    );
  }
  return markVerified(db, actor, row.id, "dns");
}

async function markVerified(db: TenantDb, actor: UserPrincipal | null, domainId: string, how: "dns" | "operator") {
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx.verifiedDomain.update({
        where: { id: domainId },
        data: { verifiedAt: new Date(), verifiedBy: how },
      });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "domain.verified",
        target: updated.domain,
        data: { via: how },
      });
      return toView(updated);
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "This domain is already verified by another organization.");
    }
    throw error;
  }
}

/**
 * The operator override (support, or a domain whose DNS the customer cannot change):
 * marks a domain verified for the org without the DNS check, audited as the operator.
 */
export async function operatorVerifyDomain(db: Database, orgSlug: string, input: string): Promise<DomainView> {
  const domain = normaliseDomain(input);
  const org = await db.admin.organization.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  if (!org) throw new AppError("NOT_FOUND", "Organization not found.");
  const tenant = db.forOrg(org.id);
  const row =
    (await tenant.verifiedDomain.findUnique({ where: { orgId_domain: { orgId: org.id, domain } } })) ??
    (await tenant.verifiedDomain.create({ data: { orgId: org.id, domain, token: randomBytes(16).toString("hex") } }));
  if (row.verifiedAt) return toView(row);
  return markVerified(tenant, null, row.id, "operator");
}

/**
 * Home-realm discovery for the sign-in page: the org whose verified domain the email is
 * in, when that org has an enabled SSO connection. Cross-org by nature (the email is all
 * we know), so it reads through the admin client and answers only the slug and name.
 */
export async function homeRealmFor(db: Database, email: string): Promise<{ slug: string; name: string } | null> {
  const at = email.trim().toLowerCase().lastIndexOf("@");
  if (at < 1) return null;
  const domain = email
    .trim()
    .toLowerCase()
    .slice(at + 1);
  const row = await db.admin.verifiedDomain.findFirst({
    where: { domain, verifiedAt: { not: null }, org: { ssoConnection: { status: "enabled" } } },
    select: { org: { select: { slug: true, name: true } } },
  });
  return row?.org ?? null;
}
