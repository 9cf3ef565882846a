import { memberIdentity } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

/** The signed-in member's catalog User and the owner refs that make an entity theirs. */
export const meProcedure = requirePermission("catalog.read").query(({ ctx }) =>
  memberIdentity(ctx.tenant, ctx.principal),
);
