import { saveTestedGitHubIntegration } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { saveGithubInput } from "./schemas";

export const saveGithubProcedure = adminProcedure
  .input(saveGithubInput)
  .mutation(({ ctx, input }) => saveTestedGitHubIntegration(ctx.db, ctx.actor, ctx.integrations, input));
