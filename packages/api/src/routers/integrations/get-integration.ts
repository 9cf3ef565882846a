import { getIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const getIntegrationProcedure = requirePermission("integrations.read")
  .input(integrationIdInput)
  .query(({ ctx, input }) => getIntegration(ctx.tenant, ctx.principal, input.id));
