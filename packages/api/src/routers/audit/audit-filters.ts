import { auditFilterOptions } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const auditFiltersProcedure = requirePermission("audit.read").query(({ ctx }) =>
  auditFilterOptions(ctx.tenant, ctx.principal),
);
