import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "./caller";
import { sessionUser } from "./session";

/**
 * What every /{orgSlug} page starts with: the signed-in user and the org, through the
 * same orgProcedure as the API. Non-members get the same 404 as a missing org.
 */
export const loadOrgPage = cache(async (slug: string) => {
  const user = await sessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  try {
    const org = await (await serverCaller(slug)).org.get();
    return { user, org };
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    // The org's SSO policy refused the session (require SSO) or it timed out for this org:
    // sign in again, through the org's IdP.
    if (e instanceof TRPCError && (e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED")) {
      const reason = e.code === "FORBIDDEN" ? "SsoRequired" : "SessionTimedOut";
      redirect(
        `/sign-in?org=${encodeURIComponent(slug)}&error=${reason}&callbackUrl=${encodeURIComponent(`/${slug}`)}`,
      );
    }
    throw e;
  }
});

/**
 * Admin-only pages answer members with a 404 too, but the org's not-found page
 * ([orgSlug]/not-found.tsx) tells a member that the page is for admins: the 404-for-403
 * rule hides other orgs, not this org's own pages from its members. List new admin pages
 * in lib/admin-pages.ts.
 */
export async function loadAdminPage(slug: string) {
  const page = await loadOrgPage(slug);
  if (page.org.role === "MEMBER") notFound();
  return page;
}
