import Link from "next/link";
import { Card } from "@/components/ui";
import { entityHref } from "@/lib/entity-ref";
import type { HomeData } from "./types";

const ROWS = [
  { key: "withErrors", label: "With errors", hint: "the latest version failed validation" },
  { key: "orphans", label: "Orphaned", hint: "their source no longer contains them" },
  { key: "missingDescription", label: "Without a description", hint: "" },
  { key: "missingOwner", label: "Without an owner", hint: "in systems you own" },
] as const;

/** Catalog hygiene for what I own: problems to fix, with a few examples each. */
export function CatalogHealth({ slug, home }: { slug: string; home: HomeData }) {
  if (!home.me.userRef) return null;
  const total = ROWS.reduce((n, r) => n + home.health[r.key].count, 0);
  return (
    <Card
      title="Catalog health"
      description={total ? "Entities you own that need attention." : "Nothing you own needs attention."}
    >
      <dl className="space-y-3" aria-label="Catalog health">
        {ROWS.map(({ key, label, hint }) => {
          const part = home.health[key];
          return (
            <div key={key}>
              <dt className="flex justify-between text-sm">
                <span>
                  {label}
                  {hint ? <span className="text-slate-500"> ({hint})</span> : null}
                </span>
                <span className={part.count ? "font-semibold text-amber-800" : "text-slate-500"}>{part.count}</span>
              </dt>
              {part.items.length ? (
                <dd className="mt-1 flex flex-wrap gap-x-3 text-xs">
                  {part.items.map((e) => (
                    <Link key={e.ref} href={entityHref(slug, e.ref)} className="text-indigo-700 hover:underline">
                      {e.title ?? e.name}
                    </Link>
                  ))}
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
