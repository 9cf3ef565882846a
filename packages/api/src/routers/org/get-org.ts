import { getOrg } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const getOrgProcedure = orgProcedure.query(async ({ ctx }) => ({
  ...(await getOrg(ctx.db)),
  role: ctx.actor.role,
}));
