import { z } from "zod";
import { runsForEntity } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const runsForEntityInput = z.object({ ref: z.string().min(1).max(300) });

export const runsForEntityProcedure = orgProcedure
  .input(runsForEntityInput)
  .query(({ ctx, input }) => runsForEntity(ctx.db, input.ref));
