import { z } from "zod";
import { createScimToken, MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const createScimTokenProcedure = requirePermission("scim.manage")
  .input(z.object({ name: z.string().max(MAX_TOKEN_NAME_LENGTH) }))
  .mutation(({ ctx, input }) => createScimToken(ctx.tenant, ctx.principal, input));
