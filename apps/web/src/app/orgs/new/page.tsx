import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionUser } from "@/server/session";
import { SiteHeader } from "@/components/site-header";
import { CreateOrgForm } from "./create-org-form";

export const metadata: Metadata = { title: "Create an organization" };
export const dynamic = "force-dynamic";

export default async function NewOrg() {
  const user = await sessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/orgs/new");
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-6 py-12">
        <h1 className="text-2xl font-bold tracking-tight">Create an organization</h1>
        <p className="mt-1 text-slate-600">
          Your team&apos;s portal. You will be its owner and can invite teammates next.
        </p>
        <CreateOrgForm />
      </main>
    </>
  );
}
