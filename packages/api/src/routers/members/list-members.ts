import { listMembers } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listMembersProcedure = requirePermission("members.read").query(({ ctx }) =>
  listMembers(ctx.tenant, ctx.principal),
);
