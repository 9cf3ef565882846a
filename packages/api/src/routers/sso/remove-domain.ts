import { z } from "zod";
import { removeDomain } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const removeDomainProcedure = requirePermission("sso.manage")
  .input(z.object({ domainId: z.string().min(1) }))
  .mutation(({ ctx, input }) => removeDomain(ctx.tenant, ctx.principal, input.domainId));
