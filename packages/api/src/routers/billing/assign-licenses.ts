import { assignLicenses } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { licensesInput } from "./schemas";

export const assignLicensesProcedure = requirePermission("billing.manage")
  .input(licensesInput)
  .mutation(({ ctx, input }) => assignLicenses(ctx.tenant, ctx.principal, input));
