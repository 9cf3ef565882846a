import { z } from "zod";
import { displayNames, MAX_DISPLAY_NAME_REFS } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const displayNamesInput = z.object({ refs: z.array(z.string().min(1).max(400)).max(MAX_DISPLAY_NAME_REFS) });

export const displayNamesProcedure = requirePermission("catalog.read")
  .input(displayNamesInput)
  .query(({ ctx, input }) => displayNames(ctx.tenant, ctx.principal, input.refs));
