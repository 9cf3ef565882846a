export { PLUGINS, PLUGIN_KEYS, findPlugin, isPluginKey, type PluginKey } from "./registry";
export { definePlugin, type PluginDefinition } from "./types";
export {
  pluginPermission,
  parsePluginPermission,
  PLUGIN_PERMISSIONS,
  type PluginPermission,
  type PluginAccess,
} from "./permissions";
