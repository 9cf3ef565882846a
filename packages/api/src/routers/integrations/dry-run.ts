import { dryRunGitHub } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { integrationIdInput } from "./schemas";

// A mutation because it spends the customer's GitHub rate limit; nothing is written.
export const dryRunProcedure = adminProcedure
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => dryRunGitHub(ctx.db, ctx.actor, ctx.integrations, input.id));
