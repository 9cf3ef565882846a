import { listPendingInvitations } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listInvitationsProcedure = requirePermission("members.manage").query(({ ctx }) =>
  listPendingInvitations(ctx.tenant, ctx.principal),
);
