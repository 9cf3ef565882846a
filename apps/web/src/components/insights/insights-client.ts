/**
 * Portal usage events for Insights, from the browser: kept in memory and sent in batches to
 * POST /api/insights/events, with navigator.sendBeacon when the page is hidden or closed
 * (the browser delivers it after the page is gone) and every few seconds otherwise. It never
 * waits for an answer and never retries: analytics must not slow a page. Nothing is sent
 * when the browser asks not to be tracked (Do Not Track or Global Privacy Control); the
 * server checks the same headers. No third party is ever called.
 */
export type EntityContext = { ref: string; kind: string; owner?: string | null; system?: string | null };
export type TrackedEvent =
  | { type: "page_view"; plugin: string; page: string; entity?: EntityContext | null }
  | { type: "search"; query: string; resultCount: number; clicked?: string | null }
  | { type: "milestone"; milestone: "onboarding.step" | "onboarding.completed" | "integration.connected" };

const ENDPOINT = "/api/insights/events";
// Well under the route's 200 events and 64 KiB per batch, whatever the events hold.
const BATCH = 50;
const FLUSH_EVERY_MS = 10_000;

type Pending = TrackedEvent & { at: number };
let org: string | null = null;
const pending: Pending[] = [];

export function optedOut(): boolean {
  if (typeof navigator === "undefined") return true;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.doNotTrack === "1" || nav.globalPrivacyControl === true;
}

export function trackInsights(event: TrackedEvent): void {
  if (!org || optedOut()) return;
  pending.push({ ...event, at: Date.now() });
  if (pending.length >= BATCH) flushInsights(false);
}

/** Sends what is pending: as a beacon when the page is going away, otherwise a keepalive fetch. */
export function flushInsights(pageHidden: boolean): void {
  while (org && pending.length) {
    const now = Date.now();
    const events = pending.splice(0, BATCH).map(({ at, ...e }) => ({ ...e, ageMs: Math.max(0, now - at) }));
    // text/plain: a simple request, which sendBeacon can send without a CORS preflight.
    const body = new Blob([JSON.stringify({ org, events })], { type: "text/plain;charset=UTF-8" });
    if (pageHidden && typeof navigator.sendBeacon === "function" && navigator.sendBeacon(ENDPOINT, body)) continue;
    void fetch(ENDPOINT, { method: "POST", body, keepalive: true, credentials: "same-origin" }).catch(() => undefined);
  }
}

/** Starts collecting for the org whose pages these are; returns the cleanup. */
export function startInsights(orgSlug: string): () => void {
  if (org && org !== orgSlug) flushInsights(false);
  org = orgSlug;
  const onHide = () => {
    if (document.visibilityState === "hidden") flushInsights(true);
  };
  const onPageHide = () => flushInsights(true);
  const timer = window.setInterval(() => flushInsights(false), FLUSH_EVERY_MS);
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", onPageHide);
  return () => {
    flushInsights(false);
    window.clearInterval(timer);
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", onPageHide);
  };
}

/**
 * The plugin and page of a portal path (below the org slug), without ids: an entity page is
 * "/catalog/<kind>" (the entity itself is in the event's entity context), and only the
 * first two segments of other pages are kept, which are names of pages, not records.
 */
export function pageOf(pathBelowOrg: string): { plugin: string; page: string; entityPage: boolean } {
  const segments = pathBelowOrg.split("/").filter(Boolean);
  const plugin = segments[0] === "plugins" && segments[1] ? segments[1] : (segments[0] ?? "home");
  const entityPage = segments[0] === "catalog" && segments.length === 4;
  const page = `/${segments.slice(0, 2).join("/")}`;
  return { plugin, page, entityPage };
}
