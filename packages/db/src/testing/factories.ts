import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "../database";
import type { Role } from "../generated/prisma/client";

let shared: Database | undefined;

/** One pooled client per test worker, on the run's database (see global-setup). */
export function testDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests through vitest's integration project");
  shared ??= createDatabase({ url, poolSize: 4 });
  return shared;
}

export function uniqueSlug(prefix = "org"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function makeUser(db: Database, overrides: { email?: string; name?: string } = {}) {
  const tag = randomBytes(4).toString("hex");
  return db.admin.user.create({
    data: { email: overrides.email ?? `user-${tag}@example.test`, name: overrides.name ?? `User ${tag}` },
  });
}

export async function makeOrg(db: Database, overrides: { slug?: string; name?: string } = {}) {
  const slug = overrides.slug ?? uniqueSlug();
  return db.admin.organization.create({ data: { slug, name: overrides.name ?? `Org ${slug}` } });
}

/**
 * Puts an org on a paid plan (an active subscription, as the Stripe webhook would leave
 * it), for tests of what a plan unlocks: SCIM, "Require SSO", audit export and more than
 * one integration of a kind need Team or Enterprise. Limits mirror core's plans.ts.
 */
export async function setOrgPlan(db: Database, orgId: string, plan: "free" | "team" | "enterprise") {
  const data = { plan, status: plan === "free" ? "none" : "active", memberLimit: plan === "free" ? 10 : null };
  return db.admin.orgBilling.upsert({ where: { orgId }, create: { orgId, ...data }, update: data });
}

export async function makeMember(db: Database, orgId: string, userId: string, role: Role = "MEMBER") {
  return db.admin.membership.create({ data: { orgId, userId, role } });
}
