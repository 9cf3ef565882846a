import { deleteIntegration } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const deleteIntegrationProcedure = adminProcedure
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => deleteIntegration(ctx.db, ctx.actor, ctx.integrations, input.id));
