import { z } from "zod";
import { MAX_ORG_NAME_LENGTH, renameOrg } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const updateOrgNameInput = z.object({ name: z.string().max(MAX_ORG_NAME_LENGTH) });

export const updateOrgNameProcedure = adminProcedure
  .input(updateOrgNameInput)
  .mutation(({ ctx, input }) => renameOrg(ctx.db, ctx.actor, input.name));
