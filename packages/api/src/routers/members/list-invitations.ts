import { listPendingInvitations } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const listInvitationsProcedure = adminProcedure.query(({ ctx }) => listPendingInvitations(ctx.db));
