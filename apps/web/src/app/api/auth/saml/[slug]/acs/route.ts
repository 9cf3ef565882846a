import { completeSamlSignIn } from "@stagedoor/core";
import { db } from "@/server/db";
import { finishSamlSignIn, samlOrigin } from "@/server/saml";

export const dynamic = "force-dynamic";

// The assertion consumer service: the IdP's browser POST (HTTP-POST binding) lands here.
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const origin = samlOrigin(req.headers);
  const form = await req.formData().catch(() => null);
  const samlResponse = form?.get("SAMLResponse");
  if (typeof samlResponse !== "string" || !samlResponse) {
    return new Response("Expected a SAMLResponse form field (HTTP-POST binding).", { status: 400 });
  }
  const outcome = await completeSamlSignIn(db(), slug, { origin, samlResponse });
  return finishSamlSignIn(outcome, slug, origin);
}
