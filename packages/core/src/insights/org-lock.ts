import { Prisma } from "@stagedoor/db";

/**
 * Writers of an org's events hold this lock shared for their transaction; the rollup
 * takes it exclusively for the instant it clears the org's dirty days. That wait is what
 * makes "clear, then recount" exact: every batch committed before the clear is in the
 * recount, and every batch after it marks its day again. Writers never wait for each other.
 */
const key = (orgId: string) => Prisma.sql`hashtext(${`insights:${orgId}`})`;
export const writerLock = (orgId: string) => Prisma.sql`SELECT pg_advisory_xact_lock_shared(${key(orgId)})`;
export const rollupLock = (orgId: string) => Prisma.sql`SELECT pg_advisory_xact_lock(${key(orgId)})`;
