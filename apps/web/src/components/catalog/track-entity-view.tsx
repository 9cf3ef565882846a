"use client";

import { useEffect } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** Records a visit for the member's "Recently viewed" list on home. Renders nothing. */
export function TrackEntityView({ entityRef }: { entityRef: string }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.home.recordView.mutationOptions());
  const { mutate } = record;
  useEffect(() => {
    mutate({ ref: entityRef });
  }, [entityRef, mutate]);
  return null;
}
