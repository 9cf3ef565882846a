import { z } from "zod";
import { listAudit } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

/**
 * A date bound from the URL: a bare day (the page's date inputs) covers that whole UTC day,
 * so "to=2026-11-27" includes the 27th; a full timestamp is taken as it is.
 */
const dateBound = (end: boolean) =>
  z
    .union([z.date(), z.string().max(40)])
    .refine((v) => v instanceof Date || !Number.isNaN(Date.parse(v)), "Not a date; use YYYY-MM-DD.")
    .transform((v) =>
      v instanceof Date
        ? v
        : /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? new Date(`${v}T${end ? "23:59:59.999" : "00:00:00.000"}Z`)
          : new Date(v),
    )
    .optional();

/** The filters the audit page keeps in its URL; the CSV export takes the same ones. */
export const auditFilterInput = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  from: dateBound(false),
  to: dateBound(true),
});

export const listAuditInput = auditFilterInput.extend({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().nullish(),
});

export const listAuditProcedure = requirePermission("audit.read")
  .input(listAuditInput)
  .query(({ ctx, input }) => listAudit(ctx.tenant, ctx.principal, input));
