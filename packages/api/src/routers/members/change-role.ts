import { z } from "zod";
import { changeMemberRole, ROLES } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const changeRoleInput = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES),
});

export const changeRoleProcedure = adminProcedure
  .input(changeRoleInput)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input));
