"use client";

import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { ORG_SLUG_HEADER, type AppRouter } from "@stagedoor/api/client";
import { TRPC_MAX_BATCH_CALLS } from "@stagedoor/core/http-limits";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Org pages live at /{orgSlug}/…; the server checks membership before trusting it. */
function orgSlugFromLocation(): string | undefined {
  return window.location.pathname.split("/")[1] || undefined;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          // The server refuses bigger batches.
          maxItems: TRPC_MAX_BATCH_CALLS,
          headers() {
            const slug = orgSlugFromLocation();
            return slug ? { [ORG_SLUG_HEADER]: slug } : {};
          },
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The message to show for a failed call, and per-field messages for forms. */
export function errorInfo(error: unknown): { message: string; fields: Record<string, string> } {
  const e = error as { message?: string; data?: { fields?: Record<string, string> | null; code?: string } } | null;
  const fields = e?.data?.fields ?? {};
  if (e?.data?.code === "INTERNAL_SERVER_ERROR")
    return { message: "Something went wrong on our side. Try again.", fields };
  return { message: e?.message ?? "Something went wrong.", fields };
}
