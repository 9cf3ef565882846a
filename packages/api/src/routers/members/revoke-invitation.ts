import { z } from "zod";
import { revokeInvitation } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const revokeInvitationProcedure = adminProcedure
  .input(z.object({ invitationId: z.string().min(1) }))
  .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId));
