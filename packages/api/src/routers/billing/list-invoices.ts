import { listInvoices } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// Without billing configured there is no history to show (not an error on the page).
export const listInvoicesProcedure = requirePermission("billing.read").query(({ ctx }) =>
  ctx.billing ? listInvoices(ctx.tenant, ctx.principal, ctx.billing) : [],
);
