"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isAdminOnlyPage } from "@/lib/admin-pages";
import { useOrg } from "./org-context";

/**
 * A 404 inside an org the user belongs to (the org layout rendered, so membership is
 * settled; strangers get the root 404, which reveals nothing). For a member on an admin
 * page, the truth is that the page is for admins; the status stays 404 like before.
 */
export default function OrgNotFound() {
  const org = useOrg();
  const pathname = usePathname();
  const adminOnly = org?.role === "MEMBER" && isAdminOnlyPage(pathname);
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-lg flex-col items-center justify-center text-center">
      {adminOnly ? (
        <>
          <h1 className="text-2xl font-bold tracking-tight">For admins only</h1>
          <p className="mt-2 text-slate-600" data-testid="admin-only">
            This page is for admins of {org.name}. Ask an admin if you need something changed here.
          </p>
        </>
      ) : (
        <>
          <p className="text-sm font-semibold text-indigo-600">404</p>
          <h1 className="mt-2 text-2xl font-bold tracking-tight">Page not found</h1>
          <p className="mt-2 text-slate-600">
            {org ? `There is no such page in ${org.name}.` : "There is no such page."}
          </p>
        </>
      )}
      <Link
        href={org ? `/${org.slug}` : "/"}
        className="mt-6 text-sm font-semibold text-indigo-600 hover:text-indigo-500"
      >
        {org ? `Go to the ${org.name} home →` : "Go to your organizations →"}
      </Link>
    </div>
  );
}
