import Link from "next/link";
import type { RelatedEntity } from "@stagedoor/core/catalog-types";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Card } from "@/components/ui";

/**
 * A card of related entities (a System's components, an API's consumers, a Group's members):
 * name, kind and type, lifecycle, owner and description, as Backstage's relation cards show.
 */
export function RelatedCard({
  slug,
  title,
  items,
  empty,
  showKind = false,
  className,
}: {
  slug: string;
  title: string;
  items: RelatedEntity[] | undefined;
  empty: string;
  showKind?: boolean;
  className?: string;
}) {
  const list = items ?? [];
  return (
    <Card title={list.length ? `${title} (${list.length})` : title} className={className}>
      {list.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={title}>
          {list.map((e) => (
            <li key={e.ref} className="py-2 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link href={entityHref(slug, e.ref)} className="font-medium text-indigo-700 hover:underline">
                  {e.title ?? e.name}
                </Link>
                <span className="text-xs text-slate-600">
                  {[showKind ? e.kind : null, e.type, e.lifecycle].filter(Boolean).join(" · ")}
                </span>
              </div>
              {e.description ? <p className="mt-0.5 line-clamp-2 text-slate-600">{e.description}</p> : null}
              {e.owner ? <p className="text-xs text-slate-600">Owner: {displayRef(e.owner)}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
