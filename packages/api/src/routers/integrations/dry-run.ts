import { dryRunGitHub } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { integrationIdInput } from "./schemas";

// A mutation because it spends the customer's GitHub rate limit; nothing is written.
export const dryRunProcedure = requirePermission("integrations.manage")
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => dryRunGitHub(ctx.tenant, ctx.principal, ctx.integrations, input.id));
