"use client";

import { useEffect } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { trackInsights } from "@/components/insights/insights-client";

/**
 * Records a visit for the member's "Recently viewed" list on home, and the page view for
 * Insights with the entity's kind, owner and system. Renders nothing.
 */
export function TrackEntityView({
  entityRef,
  kind,
  owner = null,
  system = null,
}: {
  entityRef: string;
  kind: string;
  owner?: string | null;
  system?: string | null;
}) {
  const trpc = useTRPC();
  const record = useMutation(trpc.home.recordView.mutationOptions());
  const { mutate } = record;
  useEffect(() => {
    mutate({ ref: entityRef });
    trackInsights({
      type: "page_view",
      plugin: "catalog",
      page: `/catalog/${kind.toLowerCase()}`,
      entity: { ref: entityRef, kind, owner, system },
    });
  }, [entityRef, kind, owner, system, mutate]);
  return null;
}
