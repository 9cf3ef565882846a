import { z } from "zod";
import { setSsoEnabled } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const setSsoEnabledProcedure = requirePermission("sso.manage")
  .input(z.object({ enabled: z.boolean() }))
  .mutation(({ ctx, input }) => setSsoEnabled(ctx.tenant, ctx.principal, input.enabled));
