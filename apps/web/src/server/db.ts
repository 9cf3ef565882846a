import "server-only";
import { createDatabase, type Database } from "@stagedoor/db";
import { env } from "@/env";

// The start-up check of the runtime role (instrumentation-node.ts) reads through here too.
export { runtimeRoleProblems } from "@stagedoor/db";

// One Database per server process (two pools: Prisma's and the bound-SQL path's); kept on
// globalThis so dev-mode reloads don't leak pools.
const g = globalThis as unknown as { stagedoorDb?: Database };

export function db(): Database {
  g.stagedoorDb ??= createDatabase({ url: env().DATABASE_URL, poolSize: env().DATABASE_POOL_SIZE });
  return g.stagedoorDb;
}
