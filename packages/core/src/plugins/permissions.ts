import { PLUGINS, type PluginKey } from "./registry";

/** `read`: see the plugin's data. `write`: change it (refused while billing is locked). */
export type PluginAccess = "read" | "write";
export type PluginPermission = `plugin.${PluginKey}.${PluginAccess}`;

export const pluginPermission = (key: PluginKey, access: PluginAccess): PluginPermission => `plugin.${key}.${access}`;

export const PLUGIN_PERMISSIONS: readonly PluginPermission[] = PLUGINS.flatMap((p) => [
  pluginPermission(p.key, "read"),
  pluginPermission(p.key, "write"),
]);

/** The plugin and access a permission is about, or null for core permissions. */
export function parsePluginPermission(permission: string): { key: PluginKey; access: PluginAccess } | null {
  const match = /^plugin\.(.+)\.(read|write)$/.exec(permission);
  if (!match) return null;
  const plugin = PLUGINS.find((p) => p.key === match[1]);
  return plugin ? { key: plugin.key, access: match[2] as PluginAccess } : null;
}

export const PLUGIN_PERMISSION_TEXT = Object.fromEntries(
  PLUGINS.flatMap((p) => [
    [pluginPermission(p.key, "read"), `use ${p.name}`],
    [pluginPermission(p.key, "write"), `change ${p.name} data`],
  ]),
) as Record<PluginPermission, string>;
