/** How long a prefetched page waits for the step that wants it, and how many may wait. */
const PREFETCH_TTL_MS = 60_000;
const MAX_PREFETCHED = 100;

/**
 * Discovery pages requested one step ahead. A step that has its page starts the requests for
 * the next one (the page, then its Location targets and placeholders) before it ingests, so
 * the next step (usually run by this same worker process) finds its page already there
 * instead of waiting for GitHub: the requests' latency hides behind ingestion. A step elsewhere, a retry or an expired entry simply asks GitHub itself.
 * Keys name the integration version, the query's settings and the cursor, so a page is only
 * used for exactly the request it answers.
 */
export type PagePrefetch<T> = {
  take(key: string): Promise<T> | undefined;
  put(key: string, page: Promise<T>): void;
};

export function createPagePrefetch<T>(now: () => number = Date.now): PagePrefetch<T> {
  const pages = new Map<string, { page: Promise<T>; expires: number }>();
  return {
    take(key) {
      const entry = pages.get(key);
      pages.delete(key);
      return entry && entry.expires > now() ? entry.page : undefined;
    },
    put(key, page) {
      // A page nobody takes must not become an unhandled rejection; a taker still sees the error.
      page.catch(() => undefined);
      pages.set(key, { page, expires: now() + PREFETCH_TTL_MS });
      for (const [k, e] of pages) if (e.expires <= now() || pages.size > MAX_PREFETCHED) pages.delete(k);
    },
  };
}
