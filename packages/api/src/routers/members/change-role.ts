import { z } from "zod";
import { changeMemberRole } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const changeRoleInput = z.object({
  membershipId: z.string().min(1),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
});

export const changeRoleProcedure = requirePermission("members.manage")
  .input(changeRoleInput)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.tenant, ctx.principal, input));
