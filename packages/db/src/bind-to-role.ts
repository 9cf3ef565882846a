import type { PrismaClient, Prisma } from "./generated/prisma/client";

export type DbRole = "stagedoor_app" | "stagedoor_admin";

/**
 * Wraps every operation (model queries and raw SQL) in a transaction that first switches
 * to `role` and sets `app.org_id`, both LOCAL so they end with the transaction and never
 * leak to the next user of the pooled connection. RLS policies (prisma/migrations) read
 * them. `transaction` opens an interactive transaction bound the same way, for work that
 * must be atomic.
 */
export function bindToRole(base: PrismaClient, role: DbRole, orgId: string | null) {
  const bind = (client: Pick<PrismaClient, "$executeRaw">) =>
    client.$executeRaw`SELECT set_config('role', ${role}, true), set_config('app.org_id', ${orgId ?? ""}, true)`;

  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        const [, result] = await base.$transaction([bind(base), query(args)]);
        return result;
      },
    },
    client: {
      transaction<T>(
        fn: (tx: Prisma.TransactionClient) => Promise<T>,
        options?: { timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
      ): Promise<T> {
        return base.$transaction(async (tx) => {
          await bind(tx);
          return fn(tx);
        }, options);
      },
    },
  });
}

export type BoundClient = ReturnType<typeof bindToRole>;
