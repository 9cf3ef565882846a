import Link from "next/link";

type Plugin = { name: string; lockedView: { headline: string; bullets: readonly string[] } };
/** This member's entry of `billing.pluginNav`. */
type Access = { unlocked: boolean; readOnly: boolean; state: string };

/**
 * What a premium plugin does, and for a member without access how to get it: an admin is
 * sent to the Billing page, a member is told to ask for a seat. Shown on the plugin's page
 * while it is locked (and on the generic page of plugins without pages of their own).
 */
export function PluginAccessPanel({
  plugin,
  entry,
  orgSlug,
  admin,
  comingSoon = false,
}: {
  plugin: Plugin;
  entry: Access;
  orgSlug: string;
  admin: boolean;
  comingSoon?: boolean;
}) {
  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      {entry.unlocked ? (
        <p className="font-medium text-emerald-700">
          Unlocked: you hold a {plugin.name} license{entry.readOnly ? " (read-only while a payment is overdue)" : ""}.
          {comingSoon ? " Its pages are on the way; here is what it will do:" : ""}
        </p>
      ) : (
        <p className="font-medium text-slate-900">
          Locked: {entry.state === "none" ? "this organization has no license for it." : "you have no seat."}{" "}
          {admin ? (
            <Link className="text-indigo-700 underline" href={`/${orgSlug}/billing`}>
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
