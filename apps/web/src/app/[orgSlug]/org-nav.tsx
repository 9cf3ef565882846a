"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string; adminOnly?: boolean };
/** A premium plugin as this member's navigation shows it (billing.pluginNav). */
export type PluginNavItem = { key: string; name: string; href: string; unlocked: boolean };

// Later features add their entries here; premium plugins (Cost Insights, …) come from the plugin registry below.
const ITEMS: Item[] = [
  { href: "", label: "Home" },
  { href: "/catalog", label: "Catalog" },
  { href: "/workloads", label: "Workloads" },
  { href: "/members", label: "Members" },
  { href: "/integrations", label: "Integrations", adminOnly: true },
  { href: "/audit", label: "Audit log", adminOnly: true },
  { href: "/billing", label: "Billing", adminOnly: true },
  { href: "/settings", label: "Settings", adminOnly: true },
];

export function OrgNav({ slug, isAdmin, plugins = [] }: { slug: string; isAdmin: boolean; plugins?: PluginNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organization" className="flex gap-1 overflow-x-auto px-2 pb-2 lg:flex-col lg:pb-0">
      {ITEMS.filter((i) => isAdmin || !i.adminOnly).map((item) => {
        const href = `/${slug}${item.href}`;
        const active = item.href === "" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={item.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
          </Link>
        );
      })}
      {plugins.length ? (
        <div className="px-3 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-600 max-lg:hidden">
          Plugins
        </div>
      ) : null}
      {plugins.map((p) => {
        const href = `/${slug}${p.href}`;
        return (
          <Link
            key={p.key}
            href={href}
            data-testid={`nav-plugin-${p.key}`}
            data-locked={p.unlocked ? "false" : "true"}
            aria-current={pathname.startsWith(href) ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 text-sm ${p.unlocked ? "font-medium text-slate-700" : "text-slate-600"} hover:bg-slate-100`}
          >
            {p.name}
            {p.unlocked ? null : <span className="ml-1 text-xs">(locked)</span>}
          </Link>
        );
      })}
      <Link
        href="/"
        className="whitespace-nowrap rounded-md px-3 py-2 text-sm text-slate-500 hover:bg-slate-100 lg:mt-4"
      >
        ← All organizations
      </Link>
    </nav>
  );
}
