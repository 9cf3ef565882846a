"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/**
 * Star / unstar an entity for the signed-in member (the list's "Starred" filter and the
 * home page read the same stars). `compact` is the icon-only form for table rows.
 */
export function StarButton({
  entityRef,
  name,
  compact,
  className = "",
}: {
  entityRef: string;
  name: string;
  compact?: boolean;
  className?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stars = useQuery(trpc.home.starredRefs.queryOptions());
  const starred = stars.data?.includes(entityRef) ?? false;
  const toggle = useMutation(
    trpc.home.star.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.home.starredRefs.queryKey() }),
    }),
  );
  // One name whatever the state: aria-pressed says whether it is starred.
  const label = `Star ${name}`;
  return (
    <button
      type="button"
      aria-pressed={starred}
      aria-label={label}
      title={starred ? `Starred: click to unstar ${name}` : label}
      disabled={stars.isPending || toggle.isPending}
      onClick={() => toggle.mutate({ ref: entityRef, starred: !starred })}
      className={`inline-flex items-center gap-1 rounded-md text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 ${
        compact ? "p-1 hover:bg-slate-100" : "px-2.5 py-1.5 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      } ${starred ? "text-amber-700" : "text-slate-600"} ${className}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="h-4 w-4"
        fill={starred ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <path d="M10 2.5l2.3 4.7 5.2.8-3.8 3.6.9 5.1L10 14.3l-4.6 2.4.9-5.1-3.8-3.6 5.2-.8z" strokeLinejoin="round" />
      </svg>
      {compact ? null : starred ? "Starred" : "Star"}
    </button>
  );
}
