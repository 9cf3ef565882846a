import { testGitHubIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { testGithubInput } from "./schemas";

// A mutation: it calls GitHub with what the form holds, and must never be cached or batched as a read.
export const testGithubProcedure = requirePermission("integrations.manage")
  .input(testGithubInput)
  .mutation(({ ctx, input }) => testGitHubIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
