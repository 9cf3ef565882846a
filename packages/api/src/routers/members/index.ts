import { router } from "../../trpc";
import { listMembersProcedure } from "./list-members";
import { inviteMemberProcedure } from "./invite-member";
import { changeRoleProcedure } from "./change-role";
import { removeMemberProcedure } from "./remove-member";
import { listInvitationsProcedure } from "./list-invitations";
import { revokeInvitationProcedure } from "./revoke-invitation";

export const membersRouter = router({
  list: listMembersProcedure,
  invite: inviteMemberProcedure,
  changeRole: changeRoleProcedure,
  remove: removeMemberProcedure,
  invitations: listInvitationsProcedure,
  revokeInvitation: revokeInvitationProcedure,
});
