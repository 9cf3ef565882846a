import Link from "next/link";
import { Card } from "@/components/ui";
import { RunStatusBadge } from "@/components/integrations/run-status-badge";
import { displayRef, entityHref } from "@/lib/entity-ref";
import type { HomeData } from "./types";

/** My and my teams' components with their latest CI run, failures first (core sorts them). */
export function MyComponents({ slug, home }: { slug: string; home: HomeData }) {
  const { me, components, componentTotal } = home;
  const more = componentTotal - components.length;
  return (
    <Card
      title="Your components"
      description={
        me.userRef
          ? `Owned by you or your teams, failing CI first. You are ${me.displayName ?? displayRef(me.userRef)} in the catalog.`
          : undefined
      }
      actions={
        me.userRef ? (
          <Link href={`/${slug}/catalog?scope=owned`} className="text-sm font-semibold text-indigo-700 hover:underline">
            All you own →
          </Link>
        ) : null
      }
    >
      {!me.userRef ? (
        <p className="text-sm text-slate-600" data-testid="no-catalog-user">
          No catalog User matches your account yet. Add your email as <code>spec.profile.email</code> on your User
          entity (or sign in with the GitHub account the sync knows), and what you and your teams own shows here.
        </p>
      ) : components.length === 0 ? (
        <p className="text-sm text-slate-600">You and your teams own no components yet.</p>
      ) : (
        <ul aria-label="Your components" className="divide-y divide-slate-100">
          {components.map((c) => (
            <li key={c.ref} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
              <div className="min-w-0">
                <Link href={entityHref(slug, c.ref)} className="font-medium text-indigo-700 hover:underline">
                  {c.title ?? c.name}
                </Link>
                <p className="truncate text-xs text-slate-500">
                  {[c.type, c.owner ? (c.ownerName ?? displayRef(c.owner)) : null].filter(Boolean).join(" · ")}
                </p>
              </div>
              {c.ci ? (
                <a href={c.ci.url} target="_blank" rel="noreferrer" title="Latest CI run" className="shrink-0">
                  <RunStatusBadge status={c.ci.status} conclusion={c.ci.conclusion} />
                </a>
              ) : (
                <span className="shrink-0 text-xs text-slate-500">No CI runs</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="mt-2 text-xs text-slate-500">and {more} more in the catalog.</p> : null}
    </Card>
  );
}
