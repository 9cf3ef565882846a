import { z } from "zod";
import { changeMemberRole } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const changeRoleInput = z.object({
  membershipId: z.string().min(1),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
});

export const changeRoleProcedure = adminProcedure
  .input(changeRoleInput)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input));
