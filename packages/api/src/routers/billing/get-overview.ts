import { getBillingOverview } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getOverviewProcedure = requirePermission("billing.read").query(({ ctx }) =>
  getBillingOverview(ctx.tenant, ctx.principal, ctx.billing?.prices),
);
