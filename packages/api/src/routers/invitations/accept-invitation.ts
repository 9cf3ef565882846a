import { z } from "zod";
import { acceptInvitation } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

export const invitationTokenInput = z.object({ token: z.string().min(20).max(200) });

export const acceptInvitationProcedure = authedProcedure
  .input(invitationTokenInput)
  .mutation(({ ctx, input }) => acceptInvitation(ctx.admin, ctx.user, input.token, ctx.integrations.queue));
