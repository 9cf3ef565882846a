import { testGitHubIntegration } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { testGithubInput } from "./schemas";

// A mutation: it calls GitHub with what the form holds, and must never be cached or batched as a read.
export const testGithubProcedure = adminProcedure
  .input(testGithubInput)
  .mutation(({ ctx, input }) => testGitHubIntegration(ctx.db, ctx.actor, ctx.integrations, input));
