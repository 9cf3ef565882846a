import { NextResponse } from "next/server";
import { startSamlSignIn } from "@stagedoor/core";
import { db } from "@/server/db";
import { samlOrigin } from "@/server/saml";
import { safeCallback } from "@/lib/safe-callback";

export const dynamic = "force-dynamic";

// SP-initiated SAML sign-in: /api/auth/saml/<slug>/login?callbackUrl=/<path>. Also the URL
// to give an IdP's app tile (IdP-initiated responses are refused; this starts a real one).
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const origin = samlOrigin(req.headers);
  const callbackUrl = safeCallback(new URL(req.url).searchParams.get("callbackUrl"));
  const idpUrl = await startSamlSignIn(db(), slug, { origin, redirectTo: callbackUrl, testing: false });
  if (!idpUrl) return NextResponse.redirect(new URL("/sign-in?error=NoSso", origin), 303);
  return NextResponse.redirect(idpUrl, 303);
}
