/**
 * A premium plugin as the product knows it: what it is called, where it lives, and what a
 * member without a license sees instead. The plugin's own code (routers, pages, jobs) names
 * `pluginPermission(key, "read" | "write")` and the authorization point does the rest.
 */
export type PluginDefinition = {
  /** Stable id: URL segment, permission suffix, Stripe price config key. */
  key: string;
  name: string;
  description: string;
  /** Pages under /<org>/ that belong to the plugin (the first is its home). */
  routes: readonly string[];
  nav: { label: string; href: string };
  /** What a member without access reads on the locked page: what the plugin will do for them. */
  lockedView: { headline: string; bullets: readonly string[] };
  /**
   * Whether the plugin's own pages exist yet. Until they do, its home shows the locked /
   * licensed page ("coming soon" once licensed).
   */
  available: boolean;
};

export const definePlugin = <const T extends PluginDefinition>(plugin: T): T => plugin;
