import { saveGitHubIntegration } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { saveGithubInput } from "./schemas";

export const saveGithubProcedure = adminProcedure
  .input(saveGithubInput)
  .mutation(({ ctx, input }) => saveGitHubIntegration(ctx.db, ctx.actor, ctx.integrations, input));
