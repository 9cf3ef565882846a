import { z } from "zod";
import { createOrg } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

export const createOrgInput = z.object({
  name: z.string().max(100),
  slug: z.string().max(40),
});

export const createOrgProcedure = authedProcedure.input(createOrgInput).mutation(async ({ ctx, input }) => {
  const org = await createOrg(ctx.admin, ctx.user, input);
  return { id: org.id, slug: org.slug, name: org.name };
});
