import { z } from "zod";
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, setSessionTimeouts } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

const minutes = z.number().int().min(MIN_SESSION_MINUTES).max(MAX_SESSION_MINUTES).nullable();

export const setSessionTimeoutsProcedure = requirePermission("sso.manage")
  .input(z.object({ idleMinutes: minutes, maxMinutes: minutes }))
  .mutation(({ ctx, input }) => setSessionTimeouts(ctx.tenant, ctx.principal, input));
