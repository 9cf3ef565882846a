import { createPortal, requireBilling } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const createPortalProcedure = requirePermission("billing.manage").mutation(({ ctx }) =>
  createPortal(ctx.tenant, ctx.principal, requireBilling(ctx.billing), ctx.org.slug),
);
