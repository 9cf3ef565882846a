import { revealWebhookSecret } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const revealWebhookSecretProcedure = adminProcedure
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => revealWebhookSecret(ctx.db, ctx.actor, ctx.integrations, input.id));
