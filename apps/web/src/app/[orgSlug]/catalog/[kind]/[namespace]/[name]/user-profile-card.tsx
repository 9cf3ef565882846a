import Link from "next/link";
import type { EntityDetail, RelatedEntity } from "@stagedoor/core/catalog-types";
import { entityHref } from "@/lib/entity-ref";
import { Card } from "@/components/ui";

const GITHUB_LOGIN = "github.com/user-login";

type Profile = { displayName?: string; email?: string; picture?: string };

function initials(name: string): string {
  return name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

/** A User's or Group's profile: avatar, email, GitHub login, a user's groups or a group's parent. */
export function ProfileCard({
  slug,
  entity: e,
  groups,
  groupsLabel = "Groups",
}: {
  slug: string;
  entity: EntityDetail;
  /** A user's groups, or a group's parent. */
  groups?: RelatedEntity[];
  groupsLabel?: string;
}) {
  const profile = ((e.entity.spec?.profile ?? {}) as Profile) || {};
  const name = profile.displayName ?? e.title ?? e.name;
  const login = e.entity.metadata.annotations?.[GITHUB_LOGIN];
  // Only web images: the picture is entity-supplied.
  const picture = profile.picture && /^https?:\/\//i.test(profile.picture) ? profile.picture : null;
  return (
    <Card title="Profile">
      <div className="flex items-start gap-4">
        {picture ? (
          // A plain img: avatars come from any host in the customer's directory.
          <img src={picture} alt="" className="h-16 w-16 shrink-0 rounded-full bg-slate-100 object-cover" />
        ) : (
          <span
            aria-hidden
            className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xl font-semibold text-indigo-800"
          >
            {initials(name)}
          </span>
        )}
        <dl className="min-w-0 space-y-1 text-sm">
          <div>
            <dt className="sr-only">Name</dt>
            <dd className="text-base font-semibold text-slate-900">{name}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-600">Email</dt>
            <dd className="truncate">
              {profile.email ? (
                <a href={`mailto:${profile.email}`} className="text-indigo-700 hover:underline">
                  {profile.email}
                </a>
              ) : (
                "—"
              )}
            </dd>
          </div>
          {login ? (
            <div className="flex gap-2">
              <dt className="text-slate-600">GitHub</dt>
              <dd>@{login}</dd>
            </div>
          ) : null}
          {groups ? (
            <div className="flex flex-wrap gap-2">
              <dt className="text-slate-600">{groupsLabel}</dt>
              <dd>
                {groups.length === 0 ? (
                  "—"
                ) : (
                  <ul className="flex flex-wrap gap-1" aria-label={groupsLabel}>
                    {groups.map((g) => (
                      <li key={g.ref}>
                        <Link
                          href={entityHref(slug, g.ref)}
                          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 hover:bg-slate-200"
                        >
                          {g.title ?? g.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </Card>
  );
}
