import { z } from "zod";
import { revokeApiToken } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const revokeTokenProcedure = requirePermission("tokens.manage")
  .input(z.object({ tokenId: z.string().min(1) }))
  .mutation(({ ctx, input }) => revokeApiToken(ctx.tenant, ctx.principal, input.tokenId));
