import { previewInvitation } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";
import { invitationTokenInput } from "./accept-invitation";

export const previewInvitationProcedure = authedProcedure
  .input(invitationTokenInput)
  .query(({ ctx, input }) => previewInvitation(ctx.admin, input.token));
