import { z } from "zod";
import { verifyDomain } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const verifyDomainProcedure = requirePermission("sso.manage")
  .input(z.object({ domainId: z.string().min(1) }))
  .mutation(({ ctx, input }) => verifyDomain(ctx.tenant, ctx.principal, input.domainId, ctx.sso?.resolveTxt));
