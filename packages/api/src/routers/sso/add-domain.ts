import { z } from "zod";
import { addDomain } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const addDomainProcedure = requirePermission("sso.manage")
  .input(z.object({ domain: z.string().min(1).max(253) }))
  .mutation(({ ctx, input }) => addDomain(ctx.tenant, ctx.principal, input.domain));
