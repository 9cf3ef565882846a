import { getOrg } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getOrgProcedure = requirePermission("org.read").query(async ({ ctx }) => ({
  ...(await getOrg(ctx.tenant, ctx.principal)),
  role: ctx.principal.role,
}));
