import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { bindToRole, type BoundClient } from "./bind-to-role";

export type TenantDb = BoundClient & { readonly orgId: string };
export type AdminDb = BoundClient;

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
  /** Connections in this process's pool. */
  poolSize?: number;
};

export function createDatabase({ url, poolSize = 10 }: DatabaseOptions): Database {
  const base = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
  });
  const admin = bindToRole(base, "stagedoor_admin", null);
  return {
    forOrg(orgId) {
      if (!orgId) throw new Error("forOrg needs an org id");
      return Object.assign(bindToRole(base, "stagedoor_app", orgId), { orgId });
    },
    admin,
    async ping() {
      await base.$queryRaw`SELECT 1`;
    },
    disconnect: () => base.$disconnect(),
  };
}
