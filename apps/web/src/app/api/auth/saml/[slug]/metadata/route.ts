import { samlServiceProviderMetadata } from "@stagedoor/core";
import { samlOrigin } from "@/server/saml";

export const dynamic = "force-dynamic";

// Stagedoor's SP metadata for the org's IdP; its URL is also the SP entity id (audience).
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return new Response(samlServiceProviderMetadata(samlOrigin(req.headers), slug), {
    headers: { "content-type": "application/samlmetadata+xml; charset=utf-8" },
  });
}
