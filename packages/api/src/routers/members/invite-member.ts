import { z } from "zod";
import { inviteMember, ROLES } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const inviteMemberInput = z.object({
  email: z.string().max(320),
  role: z.enum(ROLES).default("MEMBER"),
});

export const inviteMemberProcedure = requirePermission("members.manage")
  .input(inviteMemberInput)
  .mutation(({ ctx, input }) => inviteMember(ctx.tenant, ctx.principal, input));
