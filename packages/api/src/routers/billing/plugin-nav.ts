import { pluginNavigation } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const pluginNavProcedure = requirePermission("org.read").query(({ ctx }) =>
  pluginNavigation(ctx.tenant, ctx.principal),
);
