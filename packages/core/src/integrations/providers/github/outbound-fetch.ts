const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

/**
 * fetch for a customer's GitHub Enterprise host: redirects are followed only within that
 * host's origin. The host's address was checked when the integration was saved and before
 * the client was opened, but a plain fetch would follow a redirect anywhere, including to
 * a cloud metadata address; this one refuses instead.
 */
export function sameOriginFetch(
  baseUrl: string,
  inner: typeof globalThis.fetch = globalThis.fetch,
): typeof globalThis.fetch {
  return async (input, init) => {
    // Computed per call: an unparseable base URL is reported by the outbound-URL check first.
    const origin = new URL(baseUrl).origin;
    let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let options: RequestInit = { ...init, redirect: "manual" };
    for (let hop = 0; ; hop++) {
      const response = await inner(url, options);
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || !location || hop >= MAX_HOPS) return response;
      const next = new URL(location, url);
      if (next.origin !== origin) {
        throw new Error(
          `The GitHub server redirected to ${next.origin}, outside ${origin}; the redirect was not followed.`,
        );
      }
      url = next.href;
      if (response.status === 303) options = { ...options, method: "GET", body: undefined };
    }
  };
}
