import { z } from "zod";
import { revokeScimToken } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const revokeScimTokenProcedure = requirePermission("scim.manage")
  .input(z.object({ tokenId: z.string().min(1) }))
  .mutation(({ ctx, input }) => revokeScimToken(ctx.tenant, ctx.principal, input.tokenId));
