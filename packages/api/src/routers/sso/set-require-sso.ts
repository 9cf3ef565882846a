import { z } from "zod";
import { setRequireSso } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const setRequireSsoProcedure = requirePermission("sso.manage")
  .input(z.object({ requireSso: z.boolean() }))
  .mutation(({ ctx, input }) => setRequireSso(ctx.tenant, ctx.principal, input.requireSso));
