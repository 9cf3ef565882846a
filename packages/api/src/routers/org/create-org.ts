import { z } from "zod";
import { createOrg, MAX_ORG_NAME_LENGTH, MAX_ORG_SLUG_LENGTH } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

export const createOrgInput = z.object({
  name: z.string().max(MAX_ORG_NAME_LENGTH),
  slug: z.string().max(MAX_ORG_SLUG_LENGTH),
});

export const createOrgProcedure = authedProcedure.input(createOrgInput).mutation(async ({ ctx, input }) => {
  const org = await createOrg(ctx.admin, ctx.user, input);
  return { id: org.id, slug: org.slug, name: org.name };
});
