import Link from "next/link";
import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Card } from "@/components/ui";
import { EntityLink } from "@/components/entity-link";

export function AboutCard({ slug, entity: e }: { slug: string; entity: EntityDetail }) {
  const links = (e.entity.metadata.links ?? []) as Array<{ url: string; title?: string }>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2">{value ?? "—"}</dd>
    </div>
  );
  return (
    <Card title="About">
      <p className="mb-3 text-sm text-slate-700">{e.description ?? "No description."}</p>
      <dl className="divide-y divide-slate-100 text-sm">
        {row(
          "Owner",
          e.owner ? (
            <Link href={entityHref(slug, e.owner)} className="text-indigo-700 hover:underline">
              {displayRef(e.owner, { withKind: true })}
            </Link>
          ) : null,
        )}
        {row(
          "System",
          e.system ? (
            <Link href={entityHref(slug, e.system)} className="text-indigo-700 hover:underline">
              {displayRef(e.system)}
            </Link>
          ) : null,
        )}
        {row("Type", e.type)}
        {row("Lifecycle", e.lifecycle)}
        {row(
          "Tags",
          e.tags.length ? (
            <span className="flex flex-wrap gap-1">
              {e.tags.map((t) => (
                <Link
                  key={t}
                  href={`/${slug}/catalog?tag=${encodeURIComponent(t)}`}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs hover:bg-slate-200"
                >
                  {t}
                </Link>
              ))}
            </span>
          ) : null,
        )}
        {row(
          "Links",
          links.length ? (
            <ul>
              {links.map((l) => (
                <li key={l.url}>
                  <EntityLink url={l.url} title={l.title} />
                </li>
              ))}
            </ul>
          ) : null,
        )}
        {row("Source", e.origin.display)}
      </dl>
    </Card>
  );
}
