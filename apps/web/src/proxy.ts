import { NextResponse, type NextRequest } from "next/server";
import { env, isNextDev } from "@/env";
import { ORG_SLUG_HEADER } from "@stagedoor/api/client";
import { tenantPath, tenantSlugOfHost } from "@/lib/tenant-host";
import { requestIsHttps, securityHeaders } from "@/lib/security-headers";

/**
 * Security headers on every page and API route. Pages get a fresh CSP nonce per request:
 * Next reads it from the request's Content-Security-Policy header and puts it on the
 * inline scripts it renders (which is why every page renders per request; see the root
 * layout).
 */
export function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const nonce = isApi ? null : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    https: requestIsHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
    dev: isNextDev(),
  });
  const forwarded = new Headers(request.headers);
  if (nonce) {
    forwarded.set("x-nonce", nonce);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  }
  // On an org's own host the host names the org: the API's org header is set from it (a
  // client-sent one is replaced), and pages are served from below /{slug}.
  const tenant = tenantSlugOfHost(request.headers.get("host"), env().BASE_DOMAIN);
  if (tenant && isApi) forwarded.set(ORG_SLUG_HEADER, tenant);
  const path = tenant && !isApi ? tenantPath(tenant, request.nextUrl.pathname) : null;
  const response =
    path && path !== request.nextUrl.pathname
      ? NextResponse.rewrite(new URL(`${path}${request.nextUrl.search}`, request.url), {
          request: { headers: forwarded },
        })
      : NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's build output (static files served with their own headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
