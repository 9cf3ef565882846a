import { getSyncRun } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const syncRunProcedure = requirePermission("integrations.read")
  .input(integrationIdInput)
  .query(({ ctx, input }) => getSyncRun(ctx.tenant, ctx.principal, input.id));
