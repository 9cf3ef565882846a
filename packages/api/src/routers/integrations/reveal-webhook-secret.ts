import { revealWebhookSecret } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { integrationIdInput } from "./schemas";

export const revealWebhookSecretProcedure = requirePermission("integrations.manage")
  .input(integrationIdInput)
  .mutation(({ ctx, input }) => revealWebhookSecret(ctx.tenant, ctx.principal, ctx.integrations, input.id));
