import { saveTestedGitHubIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { saveGithubInput } from "./schemas";

export const saveGithubProcedure = requirePermission("integrations.manage")
  .input(saveGithubInput)
  .mutation(({ ctx, input }) => saveTestedGitHubIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
