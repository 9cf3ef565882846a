import { releaseLicenses } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { licensesInput } from "./schemas";

export const releaseLicensesProcedure = requirePermission("billing.manage")
  .input(licensesInput)
  .mutation(({ ctx, input }) => releaseLicenses(ctx.tenant, ctx.principal, input));
