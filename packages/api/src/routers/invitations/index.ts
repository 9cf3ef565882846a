import { router } from "../../trpc";
import { acceptInvitationProcedure } from "./accept-invitation";
import { previewInvitationProcedure } from "./preview-invitation";

export const invitationsRouter = router({
  accept: acceptInvitationProcedure,
  preview: previewInvitationProcedure,
});
