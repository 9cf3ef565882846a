import { z } from "zod";
import { runsForEntity } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const runsForEntityInput = z.object({ ref: z.string().min(1).max(300) });

export const runsForEntityProcedure = requirePermission("catalog.read")
  .input(runsForEntityInput)
  .query(({ ctx, input }) => runsForEntity(ctx.tenant, ctx.principal, input.ref));
