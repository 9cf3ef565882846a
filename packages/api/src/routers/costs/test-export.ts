import { testCostExport } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { testCostInput } from "./schemas";

// A mutation: it fetches what the form names, and must never be cached or batched as a read.
export const testExportProcedure = requirePermission("integrations.manage")
  .input(testCostInput)
  .mutation(({ ctx, input }) => testCostExport(ctx.tenant, ctx.principal, ctx.integrations, input));
