import { costInsights } from "./definitions/cost-insights";
import { featureFlags } from "./definitions/feature-flags";
import { insights } from "./definitions/insights";
import { knowledgeAssistant } from "./definitions/knowledge-assistant";
import { scorecards } from "./definitions/scorecards";

/**
 * Every premium plugin. Registering one is a file in definitions/ and one line here
 * (docs/plugins.md); its permissions, nav entry, locked page, prices and license table
 * follow from this list.
 */
export const PLUGINS = [costInsights, scorecards, insights, knowledgeAssistant, featureFlags] as const;

export type PluginKey = (typeof PLUGINS)[number]["key"];
export const PLUGIN_KEYS = PLUGINS.map((p) => p.key) as readonly PluginKey[];

export function findPlugin(key: string) {
  return PLUGINS.find((p) => p.key === key) ?? null;
}
export const isPluginKey = (key: string): key is PluginKey => PLUGIN_KEYS.includes(key as PluginKey);
