import { saveGitHubIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { saveGithubInput } from "./schemas";

export const saveGithubProcedure = requirePermission("integrations.manage")
  .input(saveGithubInput)
  .mutation(({ ctx, input }) => saveGitHubIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
