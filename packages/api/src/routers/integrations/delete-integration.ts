import { deleteIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const deleteIntegrationProcedure = requirePermission("integrations.manage")
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => deleteIntegration(ctx.tenant, ctx.principal, ctx.integrations, input.id));
