import { z } from "zod";
import { slugProblem } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

/** Live feedback for the create-org form; createOrg checks again, atomically. */
export const checkSlugProcedure = authedProcedure
  .input(z.object({ slug: z.string().max(100) }))
  .query(async ({ ctx, input }) => {
    const problem = slugProblem(input.slug);
    if (problem) return { available: false, problem };
    const taken = await ctx.db.admin.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
    return taken ? { available: false, problem: "Already taken." } : { available: true, problem: null };
  });
