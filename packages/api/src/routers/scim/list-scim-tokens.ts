import { listScimTokens } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listScimTokensProcedure = requirePermission("scim.manage").query(({ ctx }) =>
  listScimTokens(ctx.tenant, ctx.principal),
);
