import { z } from "zod";
import { revokeApiToken } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const revokeTokenProcedure = adminProcedure
  .input(z.object({ tokenId: z.string().min(1) }))
  .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input.tokenId));
