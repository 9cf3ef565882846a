import { getIntegration } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const getIntegrationProcedure = orgProcedure
  .input(integrationIdInput)
  .query(({ ctx, input }) => getIntegration(ctx.db, input.id));
