import { z } from "zod";
import { removeMember } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// Every member may remove themselves (leave); the service decides who may remove whom.
export const removeMemberProcedure = requirePermission("members.read")
  .input(z.object({ membershipId: z.string().min(1) }))
  .mutation(({ ctx, input }) =>
    removeMember(ctx.tenant, ctx.principal, input.membershipId, ctx.admin, ctx.integrations.queue),
  );
