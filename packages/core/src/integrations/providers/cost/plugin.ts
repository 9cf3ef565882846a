import { pluginPermission } from "../../../plugins/permissions";

/**
 * Reading cost data (the Cost Insights page and the entity Cost tab) is the Cost Insights
 * premium plugin (plugins/definitions/cost-insights.ts): the org needs a license and the
 * member a seat. Connecting and syncing exports stays `integrations.manage` and never
 * depends on the license, so costs keep arriving while the plugin is locked.
 */
export const COST_INSIGHTS_READ = pluginPermission("cost-insights", "read");
