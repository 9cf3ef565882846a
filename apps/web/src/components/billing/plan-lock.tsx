"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The org's plan and what it locks (billing.capabilities), for pages with plan-gated features. */
export function usePlanCapabilities() {
  const trpc = useTRPC();
  return useQuery(trpc.billing.capabilities.queryOptions());
}

/**
 * Whether the plan's integrations-per-kind limit stops connecting another integration of
 * `provider`: the plan that lifts it, or null (also while loading: the server decides anyway).
 */
export function useIntegrationLock(integrations: ReadonlyArray<{ provider: string }> | undefined) {
  const limit = usePlanCapabilities().data?.integrationLimit ?? null;
  return (provider: string): string | null => {
    if (!limit || !integrations) return null;
    return integrations.filter((i) => i.provider === provider).length >= limit.perKind ? limit.unlockedBy : null;
  };
}

/**
 * A locked feature, said with the plan that unlocks it and the way there (the Billing
 * page), instead of a control that would only answer with an error.
 */
export function PlanLock({ feature, unlockedBy, testId }: { feature: string; unlockedBy: string; testId?: string }) {
  // Every page with a plan-gated feature is under /[orgSlug].
  const { orgSlug } = useParams<{ orgSlug: string }>();
  // A paid plan past its payment grace has Free's capabilities: say why, not only "upgrade".
  const plan = usePlanCapabilities().data?.plan;
  return (
    <p data-testid={testId} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      <span className="mr-2 inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold">
        {unlockedBy} plan
      </span>
      {feature} is part of the {unlockedBy} plan.{" "}
      {plan?.lapsed
        ? `This organization's ${plan.name} plan is suspended until an overdue payment is made (Manage billing). `
        : null}
      <Link className="font-medium text-indigo-700 underline" href={`/${orgSlug}/billing`}>
        See plans on the Billing page
      </Link>
    </p>
  );
}
