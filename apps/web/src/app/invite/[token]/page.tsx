import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/server/caller";
import { sessionUser } from "@/server/session";
import { SiteHeader } from "@/components/site-header";
import { Alert, RoleBadge } from "@/components/ui";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

const STATE_TEXT = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask an admin of the organization for a new one.",
  expired: "This invitation has expired. Ask an admin of the organization for a new one.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await sessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);

  let preview;
  try {
    preview = await (await serverCaller()).invitations.preview({ token });
  } catch (e) {
    // A malformed or unknown token: show the same "not valid" message for both.
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) preview = null;
    else throw e;
  }

  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-md px-6 py-16">
        {!preview ? (
          <Alert>This invitation link is not valid. Check that you copied all of it.</Alert>
        ) : (
          <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h1 className="text-xl font-bold tracking-tight">Join {preview.org.name}</h1>
            <p className="mt-2 text-slate-600">
              You were invited as <RoleBadge role={preview.role} /> to{" "}
              <span className="font-medium">/{preview.org.slug}</span>.
            </p>
            <div className="mt-6">
              {preview.state !== "pending" ? (
                <Alert>{STATE_TEXT[preview.state]}</Alert>
              ) : preview.email.toLowerCase() !== user.email.toLowerCase() ? (
                <Alert>
                  This invitation is for {preview.email}, but you are signed in as {user.email}. Sign out and sign in
                  with that address to accept it.
                </Alert>
              ) : (
                <AcceptInvitation token={token} />
              )}
            </div>
          </div>
        )}
      </main>
    </>
  );
}
