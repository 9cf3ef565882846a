import { z } from "zod";
import { createApiToken, API_SCOPES, MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const createTokenProcedure = adminProcedure
  .input(z.object({ name: z.string().max(MAX_TOKEN_NAME_LENGTH), scopes: z.array(z.enum(API_SCOPES)).min(1) }))
  .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input));
