import { testClusterIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { testClusterInput } from "./schemas";

// A mutation: it calls the cluster with what the form holds, and must never be cached or batched as a read.
export const testClusterProcedure = requirePermission("integrations.manage")
  .input(testClusterInput)
  .mutation(({ ctx, input }) => testClusterIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
