import { z } from "zod";
import { MAX_ORG_NAME_LENGTH, renameOrg } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const updateOrgNameInput = z.object({ name: z.string().max(MAX_ORG_NAME_LENGTH) });

export const updateOrgNameProcedure = requirePermission("org.update")
  .input(updateOrgNameInput)
  .mutation(({ ctx, input }) => renameOrg(ctx.tenant, ctx.principal, input.name));
