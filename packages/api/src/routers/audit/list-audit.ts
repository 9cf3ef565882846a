import { z } from "zod";
import { listAudit } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listAuditInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().nullish(),
  action: z.string().max(100).optional(),
});

export const listAuditProcedure = requirePermission("audit.read")
  .input(listAuditInput)
  .query(({ ctx, input }) => listAudit(ctx.tenant, ctx.principal, input));
