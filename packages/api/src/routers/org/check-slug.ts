import { z } from "zod";
import { slugAvailability } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

/** Live feedback for the create-org form; createOrg checks again, atomically. */
export const checkSlugProcedure = authedProcedure
  .input(z.object({ slug: z.string().max(100) }))
  .query(({ ctx, input }) => slugAvailability(ctx.admin, input.slug));
