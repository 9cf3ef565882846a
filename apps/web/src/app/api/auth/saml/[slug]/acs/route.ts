import { completeSamlSignIn } from "@stagedoor/core";
import { SAML_MAX_POST_BYTES } from "@stagedoor/core/limits";
import { db } from "@/server/db";
import { finishSamlSignIn, samlOrigin } from "@/server/saml";

export const dynamic = "force-dynamic";

// The assertion consumer service: the IdP's browser POST (HTTP-POST binding) lands here.
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const origin = samlOrigin(req.headers);
  // Browsers send a form post's length; anything unannounced or bigger is not an IdP's answer.
  const length = Number(req.headers.get("content-length"));
  if (!req.headers.get("content-length") || !Number.isFinite(length) || length > SAML_MAX_POST_BYTES) {
    return new Response(`A SAML response is a form post of at most ${SAML_MAX_POST_BYTES} bytes.`, { status: 413 });
  }
  const form = await req.formData().catch(() => null);
  const samlResponse = form?.get("SAMLResponse");
  if (typeof samlResponse !== "string" || !samlResponse) {
    return new Response("Expected a SAMLResponse form field (HTTP-POST binding).", { status: 400 });
  }
  const outcome = await completeSamlSignIn(db(), slug, { origin, samlResponse });
  return finishSamlSignIn(outcome, slug, origin);
}
