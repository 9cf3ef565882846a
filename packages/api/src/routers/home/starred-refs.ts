import { starredRefs } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const starredRefsProcedure = requirePermission("catalog.read").query(({ ctx }) =>
  starredRefs(ctx.tenant, ctx.principal),
);
