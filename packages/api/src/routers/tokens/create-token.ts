import { z } from "zod";
import { createApiToken, API_SCOPES, MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const createTokenProcedure = requirePermission("tokens.manage")
  .input(z.object({ name: z.string().max(MAX_TOKEN_NAME_LENGTH), scopes: z.array(z.enum(API_SCOPES)).min(1) }))
  .mutation(({ ctx, input }) => createApiToken(ctx.tenant, ctx.principal, input));
