import { z } from "zod";
import { revokeInvitation } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const revokeInvitationProcedure = requirePermission("members.manage")
  .input(z.object({ invitationId: z.string().min(1) }))
  .mutation(({ ctx, input }) => revokeInvitation(ctx.tenant, ctx.principal, input.invitationId));
