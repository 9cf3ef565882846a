import Link from "next/link";
import type { PluginDefinition } from "@stagedoor/core";

export type PluginNavEntry = { unlocked: boolean; readOnly?: boolean; state: string };

/**
 * What a premium plugin does, and either the way to get it (locked) or "unlocked" for a
 * member with a seat. The plugin's locked page and its own pages (for members without a
 * seat) show the same.
 */
export function PluginAccess({
  slug,
  plugin,
  entry,
  admin,
}: {
  slug: string;
  plugin: Pick<PluginDefinition, "name" | "available" | "lockedView" | "routes">;
  entry: PluginNavEntry;
  admin: boolean;
}) {
  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      {entry.unlocked ? (
        <p className="font-medium text-emerald-700">
          Unlocked: you hold a {plugin.name} license{entry.readOnly ? " (read-only while a payment is overdue)" : ""}.
          {plugin.available ? (
            <>
              {" "}
              <Link className="text-indigo-700 underline" href={`/${slug}${plugin.routes[0]}`}>
                Open {plugin.name}
              </Link>
            </>
          ) : (
            " Its pages are on the way; here is what it will do:"
          )}
        </p>
      ) : (
        <p className="font-medium text-slate-900">
          Locked: {entry.state === "none" ? "this organization has no license for it." : "you have no seat."}{" "}
          {admin ? (
            <Link className="text-indigo-700 underline" href={`/${slug}/billing`}>
              Get it on the Billing page
            </Link>
          ) : (
            "Ask an admin for a seat."
          )}
        </p>
      )}
      <h2 className="mt-4 font-semibold">{plugin.lockedView.headline}</h2>
      <ul className="mt-2 list-disc pl-5 text-slate-700">
        {plugin.lockedView.bullets.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </section>
  );
}
