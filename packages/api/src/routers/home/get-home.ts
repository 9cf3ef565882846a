import { getHome } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getHomeProcedure = requirePermission("catalog.read").query(({ ctx }) =>
  getHome(ctx.tenant, ctx.principal),
);
