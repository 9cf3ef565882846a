import { planUnregister } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { entityRefInput } from "./schemas";

export const unregisterPlanProcedure = adminProcedure
  .input(entityRefInput)
  .query(({ ctx, input }) => planUnregister(ctx.db, ctx.actor, input.ref));
