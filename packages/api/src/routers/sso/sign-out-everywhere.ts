import { signOutEverywhere } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

export const signOutEverywhereProcedure = authedProcedure.mutation(({ ctx }) =>
  signOutEverywhere(ctx.admin, ctx.user.userId),
);
