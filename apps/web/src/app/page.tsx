import Link from "next/link";
import { serverCaller } from "@/server/caller";
import { sessionUser } from "@/server/session";
import { SiteHeader } from "@/components/site-header";
import { RoleBadge } from "@/components/ui";

export const dynamic = "force-dynamic";

const FEATURES = [
  ["Software catalog", "Backstage-compatible catalog-info.yaml, imported from GitHub in minutes."],
  ["CI, workloads, costs", "Every service's runs, pods and cloud spend next to its owner."],
  ["Your SSO, your org", "Members, roles and an audit log of every admin action."],
];

export default async function Landing() {
  const user = await sessionUser();
  const orgs = user ? await (await serverCaller()).org.mine() : [];
  return (
    <>
      <SiteHeader user={user} />
      <main className="mx-auto max-w-5xl px-6 py-12">
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
              Stagedoor is a hosted internal developer portal. Connect GitHub, Kubernetes and your cloud bill, and your
              developers get a software catalog, CI runs, workloads, costs and docs behind your own SSO.
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
