import { getInsightsSettings, pluginPermission } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getSettingsProcedure = requirePermission(pluginPermission("insights", "read")).query(({ ctx }) =>
  getInsightsSettings(ctx.tenant, ctx.principal),
);
