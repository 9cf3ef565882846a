import { z } from "zod";
import { inviteMember, ROLES } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const inviteMemberInput = z.object({
  email: z.string().max(320),
  role: z.enum(ROLES).default("MEMBER"),
});

export const inviteMemberProcedure = adminProcedure
  .input(inviteMemberInput)
  .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input));
