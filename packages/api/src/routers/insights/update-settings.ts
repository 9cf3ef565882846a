import { insightsSettingsInput, pluginPermission, updateInsightsSettings } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// The service also requires an admin (org.update): privacy settings are the org's choice.
export const updateSettingsProcedure = requirePermission(pluginPermission("insights", "write"))
  .input(insightsSettingsInput)
  .mutation(({ ctx, input }) => updateInsightsSettings(ctx.tenant, ctx.principal, input));
