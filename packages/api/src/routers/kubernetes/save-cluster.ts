import { saveClusterIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { saveClusterInput } from "./schemas";

export const saveClusterProcedure = requirePermission("integrations.manage")
  .input(saveClusterInput)
  .mutation(({ ctx, input }) => saveClusterIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
