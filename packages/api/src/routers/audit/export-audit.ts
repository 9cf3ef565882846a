import { listAuditForExport } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { listAuditInput } from "./list-audit";

/** A page of the CSV export (the audit export route streams these): audit.list plus the plan's audit export. */
export const exportAuditProcedure = requirePermission("audit.read")
  .input(listAuditInput)
  .query(({ ctx, input }) => listAuditForExport(ctx.tenant, ctx.principal, input));
