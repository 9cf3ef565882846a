import { z } from "zod";
import { renameOrg } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const updateOrgNameInput = z.object({ name: z.string().max(100) });

export const updateOrgNameProcedure = adminProcedure
  .input(updateOrgNameInput)
  .mutation(({ ctx, input }) => renameOrg(ctx.db, ctx.actor, input.name));
