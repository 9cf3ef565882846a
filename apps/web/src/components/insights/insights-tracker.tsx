"use client";

import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { pageOf, startInsights, trackInsights } from "./insights-client";

/**
 * Records a page view for every page of the org as the member moves around (client-side
 * navigations included). Entity pages report their own, with the entity's kind, owner and
 * system (TrackEntityView). Renders nothing.
 */
export function InsightsTracker({ slug }: { slug: string }) {
  const pathname = usePathname();
  useEffect(() => startInsights(slug), [slug]);
  useEffect(() => {
    // On the org's own host name ({slug}.BASE_DOMAIN) paths have no slug in front.
    const prefix = `/${slug}`;
    const below = pathname === prefix || pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
    const { plugin, page, entityPage } = pageOf(below);
    if (!entityPage) trackInsights({ type: "page_view", plugin, page });
  }, [pathname, slug]);
  return null;
}
