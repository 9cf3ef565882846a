import Link from "next/link";
import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Card } from "@/components/ui";
import { RELATION_ORDER, relationWords } from "./relation-words";

const order = (type: string) => {
  const i = RELATION_ORDER.indexOf(type);
  return i === -1 ? RELATION_ORDER.length : i;
};

/** Every relation in words ("Owned by", "Consumes API"), grouped, Backstage's order first. */
export function RelationsCard({ slug, relations }: { slug: string; relations: EntityDetail["relations"] }) {
  const byType = new Map<string, EntityDetail["relations"]>();
  for (const r of relations) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  const groups = [...byType].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  return (
    <Card title="Relations">
      {relations.length === 0 ? (
        <p className="text-sm text-slate-500">No relations.</p>
      ) : (
        <dl className="space-y-3 text-sm">
          {groups.map(([type, items]) => (
            <div key={type}>
              <dt className="font-medium text-slate-700">
                {relationWords(type)} <span className="font-normal text-slate-500">({items.length})</span>
              </dt>
              <dd>
                <ul className="mt-1 space-y-0.5" aria-label={relationWords(type)}>
                  {items.map((r) => (
                    <li key={r.targetRef}>
                      {r.dangling ? (
                        <span className="text-slate-600" title="No entity with this ref is in the catalog">
                          {displayRef(r.targetRef, { withKind: true })}{" "}
                          <span className="text-xs text-amber-800">(missing)</span>
                        </span>
                      ) : (
                        <Link href={entityHref(slug, r.targetRef)} className="text-indigo-700 hover:underline">
                          {r.target?.title ?? displayRef(r.targetRef, { withKind: true })}
                        </Link>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
