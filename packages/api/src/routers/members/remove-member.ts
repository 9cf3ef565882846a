import { z } from "zod";
import { removeMember } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

// orgProcedure, not adminProcedure: members may remove themselves (leave); the service
// decides who may remove whom.
export const removeMemberProcedure = orgProcedure
  .input(z.object({ membershipId: z.string().min(1) }))
  .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.membershipId));
