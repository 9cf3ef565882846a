import { z } from "zod";
import { changeMemberRole, ROLES } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const changeRoleInput = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES),
});

export const changeRoleProcedure = requirePermission("members.manage")
  .input(changeRoleInput)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.tenant, ctx.principal, input));
