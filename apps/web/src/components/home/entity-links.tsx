import Link from "next/link";
import { entityHref } from "@/lib/entity-ref";
import type { HomeEntity } from "./types";

/** A short list of entities (starred, recently viewed, health samples) linking to their pages. */
export function EntityLinks({
  slug,
  items,
  label,
  empty,
}: {
  slug: string;
  items: HomeEntity[];
  label: string;
  empty: string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {items.map((e) => (
        <li key={e.ref} className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
          <Link href={entityHref(slug, e.ref)} className="truncate font-medium text-indigo-700 hover:underline">
            {e.title ?? e.name}
          </Link>
          <span className="shrink-0 text-xs text-slate-500">{e.kind}</span>
        </li>
      ))}
    </ul>
  );
}
