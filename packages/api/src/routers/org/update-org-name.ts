import { z } from "zod";
import { renameOrg } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const updateOrgNameInput = z.object({ name: z.string().max(100) });

export const updateOrgNameProcedure = requirePermission("org.update")
  .input(updateOrgNameInput)
  .mutation(({ ctx, input }) => renameOrg(ctx.tenant, ctx.principal, input.name));
