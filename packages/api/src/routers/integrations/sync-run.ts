import { getSyncRun } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const syncRunProcedure = orgProcedure
  .input(integrationIdInput)
  .query(({ ctx, input }) => getSyncRun(ctx.db, input.id));
