import Link from "next/link";
import { serverCaller } from "@/server/caller";
import { sessionUser } from "@/server/session";
import { SiteHeader } from "@/components/site-header";
import { RoleBadge } from "@/components/ui";

export const dynamic = "force-dynamic";

// Only what works today: add a promise here when its feature ships, not before.
const FEATURES = [
  ["Software catalog", "Backstage-compatible catalog-info.yaml files, synced from GitHub or pasted in."],
  ["APIs and CI together", "Rendered API definitions and each component's latest GitHub Actions runs."],
  ["Your organization", "Members, roles, API tokens and an audit log of every admin change."],
];

export default async function Landing() {
  const user = await sessionUser();
  const orgs = user ? await (await serverCaller()).org.mine() : [];
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-6 py-12">
        {user ? (
          <section aria-labelledby="orgs-heading" className="mx-auto max-w-xl">
            <h1 id="orgs-heading" className="text-2xl font-bold tracking-tight">
              Your organizations
            </h1>
            {orgs.length === 0 ? (
              <p className="mt-2 text-slate-600">
                You are not a member of any organization yet. Create one, or open an invitation link from a teammate.
              </p>
            ) : (
              <ul className="mt-6 divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                {orgs.map((o) => (
                  <li key={o.id}>
                    <Link href={`/${o.slug}`} className="flex items-center justify-between px-5 py-4 hover:bg-slate-50">
                      <span>
                        <span className="font-medium">{o.name}</span>
                        <span className="ml-2 text-sm text-slate-500">/{o.slug}</span>
                      </span>
                      <RoleBadge role={o.role} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <Link
              href="/orgs/new"
              className="mt-6 inline-flex rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Create an organization
            </Link>
          </section>
        ) : (
          <section className="text-center">
            <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Backstage in a box</h1>
            <p className="mx-auto mt-4 max-w-2xl text-lg text-slate-600">
              Stagedoor is a hosted internal developer portal. Connect GitHub, and your developers get one catalog of
              their services, APIs and teams, with CI runs, API definitions and search.
            </p>
            <Link
              href="/sign-in"
              className="mt-8 inline-flex rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Sign in to get started
            </Link>
            <ul className="mt-16 grid gap-6 text-left sm:grid-cols-3">
              {FEATURES.map(([title, text]) => (
                <li key={title} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                  <h2 className="font-semibold">{title}</h2>
                  <p className="mt-1 text-sm text-slate-600">{text}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
