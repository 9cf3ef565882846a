import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { bindToRole, type BoundClient } from "./bind-to-role";
import { boundSql, boundSqlPool, type BoundSql } from "./bound-sql";

export type TenantDb = BoundClient & {
  readonly orgId: string;
  /** Hot-path SQL in one transaction bound to the org (see bound-sql.ts). */
  readonly sql: BoundSql;
};
export type AdminDb = BoundClient & { readonly sql: BoundSql };

export type Database = {
  /** A client whose every query runs as `stagedoor_app` with the org set: RLS-scoped. */
  forOrg(orgId: string): TenantDb;
  /** Cross-org access for sign-in, org creation, invitation acceptance and webhooks only. */
  admin: AdminDb;
  /** For health checks: a round trip that touches no table. */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
};

export type DatabaseOptions = {
  url: string;
  /** Connections per pool; a process has two (Prisma's, and the bound SQL path's). */
  poolSize?: number;
};

const TENANT_CACHE_SIZE = 1000;

/**
 * How long a query may wait for one of the pool's connections. Every operation runs in a
 * transaction (bind-to-role.ts), so Prisma's transaction maxWait applies to plain queries
 * too, and its default (2 s, meant for interactive transactions) turned a burst deeper than
 * the pool into errors instead of a queue: a tRPC batch of 50 calls on 4-10 connections
 * failed with "Unable to start a transaction in the given time" on a busy machine.
 */
const POOL_WAIT_MS = 15_000;

export function createDatabase({ url, poolSize = 10 }: DatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closed (restart, failover) must not crash the process:
  // pg emits it on the pool, and the pool replaces the connection on next use.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  const base = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: POOL_WAIT_MS } });
  // Pipelined connections behave differently on errors, so Prisma keeps its own pool.
  const sqlPool = boundSqlPool(url, poolSize);
  const admin = Object.assign(bindToRole(base, "stagedoor_admin", null), {
    sql: boundSql(sqlPool, "stagedoor_admin", null),
  });
  // Bound clients hold no state but cost tens of microseconds to build (Prisma $extends),
  // which a busy API would pay on every request: the most recent orgs' are kept.
  const tenants = new Map<string, TenantDb>();
  return {
    forOrg(orgId) {
      if (!orgId) throw new Error("forOrg needs an org id");
      let tenant = tenants.get(orgId);
      if (!tenant) {
        tenant = Object.assign(bindToRole(base, "stagedoor_app", orgId), {
          orgId,
          sql: boundSql(sqlPool, "stagedoor_app", orgId),
        });
        if (tenants.size >= TENANT_CACHE_SIZE) tenants.delete(tenants.keys().next().value!);
        tenants.set(orgId, tenant);
      }
      return tenant;
    },
    admin,
    async ping() {
      await base.$queryRaw`SELECT 1`;
    },
    async disconnect() {
      await base.$disconnect();
      await pool.end();
      await sqlPool.end();
    },
  };
}
