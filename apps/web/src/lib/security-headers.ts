// The response headers every page and API route gets (set by src/proxy.ts). Listed in
// the README's deployment section; change both together.

export type SecurityHeaderOptions = {
  /** Per-request nonce for Next's inline scripts; pages only. */
  nonce: string | null;
  /** Whether the browser reached us over https (HSTS means nothing, or harm, on http). */
  https: boolean;
  /** `next dev`: React's development build needs eval for its error overlay. */
  dev: boolean;
};

/**
 * Pages: scripts only from this origin with this response's nonce ('strict-dynamic' lets
 * those load the chunks they import), so an injected <script> or inline handler does not
 * run. Styles allow 'unsafe-inline': React's style attributes and Next's injected styles
 * carry no nonce, and CSS cannot run script. No framing by anyone (clickjacking), no
 * plugins, no <base> tricks.
 */
export function pageCsp(nonce: string, { https, dev }: Omit<SecurityHeaderOptions, "nonce">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API responses are data, never documents to render: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function securityHeaders({ nonce, https, dev }: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": nonce ? pageCsp(nonce, { https, dev }) : API_CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Two years, as hstspreload.org asks; only on https, where the browser honours it.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Whether the request came in over https: directly, or through a TLS-terminating proxy
 * that says so. A client forging X-Forwarded-Proto only gets HSTS sent to itself.
 */
export function requestIsHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
