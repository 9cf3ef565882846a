import { listApiTokens } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listTokensProcedure = requirePermission("tokens.manage").query(({ ctx }) =>
  listApiTokens(ctx.tenant, ctx.principal),
);
