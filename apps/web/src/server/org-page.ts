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
    throw e;
  }
});

/** Admin-only pages: members get the same 404 as strangers, since the page is not theirs. */
export async function loadAdminPage(slug: string) {
  const page = await loadOrgPage(slug);
  if (page.org.role === "MEMBER") notFound();
  return page;
}
